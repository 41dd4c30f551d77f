package fr.preau.identity;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

import fr.preau.shared.Component;
import fr.preau.shared.Deployment;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

/**
 * Keycloak's admin API, signed in as the confidential service-account client {@code preau-admin} (client
 * credentials grant; roles view-users, query-users, manage-users, view-realm of realm-management). Its address and
 * secret are WildFly system properties set from the environment by {@code wildfly-config/src/main/cli/08-identity.cli}.
 * Keycloak not answering becomes {@link ServiceUnavailableException} ({@link Component#IDENTITY}).
 */
@ApplicationScoped
public class IdentityServer {
    private static final Logger LOG = Logger.getLogger(IdentityServer.class.getName());

    private Keycloak keycloak;

    /** The realm, for the calls this class does not wrap; use inside {@link #call}. */
    public RealmResource realm() {
        return client().realm(Deployment.keycloakRealm());
    }

    /** Runs a call to Keycloak; a Keycloak that does not answer, or answers 5xx, is reported as unavailable. */
    public <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProcessingException e) {
            LOG.warning("Keycloak admin API unreachable: " + e.getMessage());
            throw new ServiceUnavailableException(Component.IDENTITY, e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() >= 500) {
                LOG.warning("Keycloak admin API failed: " + e.getMessage());
                throw new ServiceUnavailableException(Component.IDENTITY, e);
            }
            throw e;
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The Keycloak user with exactly this username. */
    public UserRepresentation user(String username) {
        return findUser(username).orElseThrow(() -> new NotFoundException("account.missing", username));
    }

    public java.util.Optional<UserRepresentation> findUser(String username) {
        List<UserRepresentation> found = call(() -> realm().users().searchByUsername(username, true));
        return found.stream().filter(u -> username.equalsIgnoreCase(u.getUsername())).findFirst();
    }

    public UserResource userResource(String username) {
        String id = user(username).getId();
        return realm().users().get(id);
    }

    /**
     * Ends every Keycloak session of the user (browsers and mail clients must sign in again) and returns their ids,
     * for {@link SessionRevocations} to end the portal sessions built on them.
     */
    public List<String> endSessions(String username) {
        return call(() -> {
            UserResource user = userResource(username);
            List<String> ids = user.getUserSessions().stream().map(UserSessionRepresentation::getId).toList();
            user.logout();
            return ids;
        });
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            String url = Deployment.keycloakUrl();
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(url)
                    .realm(Deployment.keycloakRealm())
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(Deployment.keycloakAdminClientId())
                    .clientSecret(Deployment.keycloakAdminClientSecret())
                    .build();
        }
        return keycloak;
    }


    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }
}
