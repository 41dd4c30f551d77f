package fr.preau.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import fr.preau.shared.Component;
import fr.preau.shared.Deployment;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the password a mail or contacts client typed exactly as IMAP and submission do: it asks Dovecot's
 * authentication service (the listener Postfix's SMTP AUTH uses, {@link Deployment#dovecotAuth()}) with Dovecot's
 * authentication protocol and mechanism PLAIN, so the same passdbs run in the same order: app passwords (ADR 0070),
 * the mail clients' failure budget (ADR 0082), the Keycloak password (ADR 0002: refused with a second factor or a
 * provisional password), the owner check (ADR 0080), the last-use stamp. No password is stored or compared here.
 */
@ApplicationScoped
public class MailClientPasswords {
    private static final Logger LOG = Logger.getLogger(MailClientPasswords.class.getName());
    private static final int CONNECT_MS = 5_000;
    /** Dovecot delays each failure (auth_failure_delay, 2 s) and may ask Keycloak: well under this. */
    private static final int READ_MS = 30_000;
    private static final AtomicLong REQUESTS = new AtomicLong();

    /**
     * The login (the address, lower case, as Dovecot names the user) when {@code password} opens {@code login} for
     * a client of service {@code service} at {@code clientAddress}; empty when Dovecot refuses it.
     *
     * @throws ServiceUnavailableException ({@link Component#MAIL_STORE}) Dovecot's authentication does not answer
     */
    public Optional<String> check(String service, String login, String password, String clientAddress) {
        if (login == null || password == null || login.isBlank() || password.isEmpty() || login.length() > 254
                || password.length() > 1024 || badText(login) || badText(password)) {
            return Optional.empty();
        }
        InetSocketAddress auth = Deployment.dovecotAuth();
        if (auth == null) {
            LOG.warning("PREAU_DOVECOT_AUTH_PORT is not set: no password of a DAV client can be checked");
            throw new ServiceUnavailableException(Component.MAIL_STORE, null);
        }
        try (Socket socket = new Socket()) {
            socket.connect(auth, CONNECT_MS);
            socket.setSoTimeout(READ_MS);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            out.write(("VERSION\t1\t2\nCPID\t" + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String line = in.readLine(); !"DONE".equals(line); line = in.readLine()) {
                if (line == null) {
                    throw new IOException("Dovecot auth closed the handshake");
                }
            }
            long id = REQUESTS.incrementAndGet();
            String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            // "secured": the portal is reached over HTTPS in a deployment (PREAU_COOKIE_SECURE), as Postfix says
            // of a TLS session; rip: the client's address, for Dovecot's log and the failure budget.
            out.write(("AUTH\t" + id + "\tPLAIN\tservice=" + service + "\tsecured"
                    + (clientAddress == null || badText(clientAddress) ? "" : "\trip=" + clientAddress)
                    + "\tresp=" + plain + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("Dovecot auth closed before answering");
            }
            String[] fields = answer.split("\t");
            if (fields.length >= 2 && "OK".equals(fields[0]) && String.valueOf(id).equals(fields[1])) {
                for (String f : fields) {
                    if (f.startsWith("user=")) {
                        return Optional.of(f.substring("user=".length()));
                    }
                }
                return Optional.of(login.toLowerCase(java.util.Locale.ROOT));
            }
            if (fields.length >= 1 && "FAIL".equals(fields[0])) {
                for (String f : fields) {
                    if (f.equals("temp")) {
                        throw new ServiceUnavailableException(Component.IDENTITY, null);
                    }
                }
                return Optional.empty();
            }
            throw new IOException("Unexpected answer of Dovecot auth: " + fields[0]);
        } catch (IOException e) {
            LOG.warning("Dovecot auth at " + auth + " did not answer: " + e);
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        }
    }

    /** Tabs, line ends and NUL would break the protocol's lines or PLAIN's fields. */
    private static boolean badText(String s) {
        return s.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == 0);
    }
}
