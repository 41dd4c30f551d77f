package fr.preau.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A plain ManageSieve client (RFC 5804), as Thunderbird's Sieve add-on or a phone's filter settings speak it: signs
 * in with SASL PLAIN on loopback (which Dovecot counts as secured), stores and activates a script, lists scripts.
 */
public final class SieveProbe implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SieveProbe(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /**
     * Signs in as {@code user} with {@code password}.
     *
     * @throws IllegalStateException when the server refuses the login (its answer in the message)
     */
    public static SieveProbe login(String user, String password) throws IOException {
        SieveProbe probe = new SieveProbe(new Socket("127.0.0.1", TestEnv.port("PREAU_SIEVE_PORT")));
        try {
            probe.response();
            String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            probe.command("AUTHENTICATE \"PLAIN\" \"" + plain + "\"");
            return probe;
        } catch (IOException | RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    /** Stores the script {@code name} and makes it the active one. */
    public void putActive(String name, String script) throws IOException {
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        command("PUTSCRIPT \"" + name + "\" {" + bytes.length + "+}\r\n" + script);
        command("SETACTIVE \"" + name + "\"");
    }

    /** The scripts, as the server lists them ({@code "name"} or {@code "name" ACTIVE}). */
    public List<String> scripts() throws IOException {
        return command("LISTSCRIPTS");
    }

    private List<String> command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return response();
    }

    /** The lines before the final OK; a NO or BYE fails. */
    private List<String> response() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("ManageSieve closed the connection after " + lines);
            }
            if (line.startsWith("OK")) {
                return lines;
            }
            if (line.startsWith("NO") || line.startsWith("BYE")) {
                throw new IllegalStateException("ManageSieve refused: " + line);
            }
            lines.add(line);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.write("LOGOUT\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // Already closed by the server: nothing left to end.
        } finally {
            socket.close();
        }
    }
}
