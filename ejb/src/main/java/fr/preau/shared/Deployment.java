package fr.preau.shared;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What this deployment is told by its environment (README, "Configuration"): the only class that reads environment
 * variables and system properties. The academy's settings, which administrators change at run time, are in
 * {@code fr.preau.settings.AcademySettings}; the mail servers' addresses and the master login are in WildFly's mail
 * session ({@code java:jboss/mail/preau}).
 */
public final class Deployment {
    private Deployment() {
    }

    /** The academy's own mail domain ({@code PREAU_MAIL_DOMAIN}), or null. */
    public static String mailDomain() {
        return blankAsNull(System.getenv("PREAU_MAIL_DOMAIN"));
    }

    /** The portal's public address ({@code PREAU_PORTAL_URL}) as configured, or null. */
    public static String portalUrl() {
        return blankAsNull(System.getenv("PREAU_PORTAL_URL"));
    }

    /** The OpenID provider of the sign-in, the realm's address ({@code PREAU_OIDC_PROVIDER_URL}), or null. */
    public static String oidcProviderUrl() {
        return blankAsNull(System.getenv("PREAU_OIDC_PROVIDER_URL"));
    }

    /** The portal's client in the realm ({@code PREAU_OIDC_CLIENT_ID}, default {@code preau-portal}). */
    public static String oidcClientId() {
        String id = blankAsNull(System.getenv("PREAU_OIDC_CLIENT_ID"));
        return id == null ? "preau-portal" : id;
    }

    /** That client's secret ({@code PREAU_OIDC_CLIENT_SECRET}), or null. */
    public static String oidcClientSecret() {
        return blankAsNull(System.getenv("PREAU_OIDC_CLIENT_SECRET"));
    }

    /** Keycloak's address for the admin API (system property {@code preau.keycloak.url}, else PREAU_KEYCLOAK_URL). */
    public static String keycloakUrl() {
        return System.getProperty("preau.keycloak.url", System.getenv("PREAU_KEYCLOAK_URL"));
    }

    /** The realm ({@code preau.keycloak.realm}, default {@code preau}). */
    public static String keycloakRealm() {
        return System.getProperty("preau.keycloak.realm", "preau");
    }

    /** The admin API's client ({@code preau.keycloak.admin-client-id}, default {@code preau-admin}). */
    public static String keycloakAdminClientId() {
        return System.getProperty("preau.keycloak.admin-client-id", "preau-admin");
    }

    /** Its secret (system property {@code preau.keycloak.admin-client-secret}, else PREAU_ADMIN_CLIENT_SECRET). */
    public static String keycloakAdminClientSecret() {
        String secret = blankAsNull(System.getProperty("preau.keycloak.admin-client-secret"));
        return secret != null ? secret : System.getenv("PREAU_ADMIN_CLIENT_SECRET");
    }

    /**
     * Where large files are kept (system property {@code preau.large-files.dir}, set from PREAU_LARGE_FILES_DIR by
     * wildfly-config/src/main/cli/08-large-files.cli); by default {@code large-files} in WildFly's data folder.
     */
    public static Path largeFilesDir() {
        String configured = blankAsNull(System.getProperty("preau.large-files.dir"));
        return configured == null ? Paths.get(System.getProperty("jboss.server.data.dir", "."), "large-files")
                : Paths.get(configured);
    }

    /**
     * The folder where the HR feed of the directory is dropped (PREAU_DIRECTORY_FEED_DIR; docs/directory-feed.md);
     * by default {@code directory-feed} in WildFly's data folder. The job {@code directory-import} reads a file of
     * it by name only.
     */
    public static Path directoryFeedDir() {
        String configured = blankAsNull(System.getenv("PREAU_DIRECTORY_FEED_DIR"));
        return configured == null ? Paths.get(System.getProperty("jboss.server.data.dir", "."), "directory-feed")
                : Paths.get(configured);
    }

    /**
     * doveadm's HTTP API ({@code http://PREAU_IMAP_HOST:PREAU_DOVEADM_PORT/doveadm/v1}), through which suspended
     * accounts' mail sessions are ended (docs/adr/0095); null when the port is not configured.
     */
    public static String doveadmUrl() {
        String port = blankAsNull(System.getenv("PREAU_DOVEADM_PORT"));
        String host = blankAsNull(System.getenv("PREAU_IMAP_HOST"));
        return port == null ? null : "http://" + (host == null ? "127.0.0.1" : host) + ":" + port + "/doveadm/v1";
    }

    /**
     * Dovecot's authentication service as its other clients reach it ({@code PREAU_IMAP_HOST}:
     * {@code PREAU_DOVECOT_AUTH_PORT}, the listener Postfix's SMTP AUTH asks): the DAV doors check passwords there
     * (docs/adr/0102); null when the port is not configured.
     */
    public static java.net.InetSocketAddress dovecotAuth() {
        String port = blankAsNull(System.getenv("PREAU_DOVECOT_AUTH_PORT"));
        String host = blankAsNull(System.getenv("PREAU_IMAP_HOST"));
        return port == null ? null
                : new java.net.InetSocketAddress(host == null ? "127.0.0.1" : host, Integer.parseInt(port));
    }

    /** The key of doveadm's HTTP API ({@code PREAU_DOVEADM_API_KEY}), or null. */
    public static String doveadmApiKey() {
        return blankAsNull(System.getenv("PREAU_DOVEADM_API_KEY"));
    }

    /** WildFly's temporary folder (else the JVM's). */
    public static Path tempDir() {
        return Paths.get(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")));
    }

    /**
     * Whether the nightly scheduler's timer starts the jobs by the real clock (system property
     * {@code preau.nightly.timer}, on unless {@code off}). The tests' WildFly sets it off: tests start the jobs they
     * test themselves, or drive the scheduler with their own clock, and no job starts on the test data because the
     * suite happens to run during the night's window (docs/adr/0091).
     */
    public static boolean nightlyTimer() {
        return !"off".equalsIgnoreCase(System.getProperty("preau.nightly.timer", "on").strip());
    }

    /**
     * A test pause point: the value of the JVM's system property {@code name}, which only a test running inside the
     * server sets (for example the scheduled sender's, docs/adr/0083); null in every real deployment.
     */
    public static String testPausePoint(String name) {
        return System.getProperty(name);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
