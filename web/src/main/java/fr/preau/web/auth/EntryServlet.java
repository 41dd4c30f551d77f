package fr.preau.web.auth;

import fr.preau.shared.Deployment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's address. Sends the browser on to the mail page, whose sign-in goes through Keycloak; when Keycloak
 * does not answer, shows a French page that says so instead of letting the browser fail on the identity
 * provider's address.
 */
@WebServlet("/public/entree")
public class EntryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EntryServlet.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private transient HttpClient http;
    private String discovery;

    @Override
    public void init() {
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String provider = Deployment.oidcProviderUrl() == null ? "http://localhost:8180/realms/preau"
                : Deployment.oidcProviderUrl();
        discovery = provider.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (identityProviderAnswers()) {
            response.sendRedirect(request.getContextPath() + "/mail/inbox.xhtml");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        request.getRequestDispatcher("/public/connexion-indisponible.xhtml").forward(request, response);
    }

    private boolean identityProviderAnswers() {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            LOG.warning("Keycloak does not answer at " + discovery + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
