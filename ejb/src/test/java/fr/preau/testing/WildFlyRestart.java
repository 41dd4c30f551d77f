package fr.preau.testing;

import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Stops the WildFly that Arquillian started (the {@code :shutdown} management operation, as an operator would) and
 * starts it again with the same command line, for tests of what survives a restart. The deployments made through
 * management are in standalone.xml, so they come back with the server. The new process is stopped when the test
 * JVM exits.
 */
public final class WildFlyRestart {
    private final List<String> command;
    private final ProcessHandle server;

    private WildFlyRestart(List<String> command, ProcessHandle server) {
        this.command = command;
        this.server = server;
    }

    /** The running server, found through its management interface. */
    public static WildFlyRestart current() throws Exception {
        try (ModelControllerClient client = client()) {
            ModelNode op = Operations.createReadAttributeOperation(
                    Operations.createAddress("core-service", "platform-mbean", "type", "runtime"), "name");
            String name = Operations.readResult(client.execute(op)).asString();
            long pid = Long.parseLong(name.substring(0, name.indexOf('@')));
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            List<String> cmd = new ArrayList<>();
            cmd.add(handle.info().command().orElseThrow());
            cmd.addAll(List.of(handle.info().arguments().orElseThrow()));
            return new WildFlyRestart(cmd, handle);
        }
    }

    /** Shuts the server down and waits until its process has exited. */
    public void stop() throws Exception {
        try (ModelControllerClient client = client()) {
            client.execute(Operations.createOperation("shutdown"));
        } catch (java.io.IOException e) {
            // The connection may close before the answer: the process exit below is what counts.
        }
        server.onExit().get(120, TimeUnit.SECONDS);
    }

    /** Kills the server as {@code kill -9} does (no shutdown, nothing committed after it) and waits for its exit. */
    public void kill() throws Exception {
        server.destroyForcibly();
        server.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Starts the server again and waits until {@code readyUrl} answers (the test deployment is back). */
    public void start(String readyUrl, File log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited at restart, see " + log);
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(readyUrl)).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500 && status != 404) {
                    return;
                }
            } catch (java.io.IOException e) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("WildFly did not come back within 240 s, see " + log);
    }

    private static ModelControllerClient client() throws Exception {
        return ModelControllerClient.Factory.create(InetAddress.getByName("127.0.0.1"),
                Integer.parseInt(System.getProperty("preau.management.port", "9990")));
    }
}
