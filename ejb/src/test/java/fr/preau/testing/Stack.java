package fr.preau.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and restarts a server of the running stack through {@code bin/preau}, for tests of what users see while
 * a server is down and after it is back.
 */
public final class Stack {
    private Stack() {
    }

    /** Stops one component: postgresql, dovecot, postfix or keycloak. */
    public static void stop(String component) throws IOException, InterruptedException {
        run(List.of("stop", component));
    }

    /** Starts whatever infrastructure component is not running (the others are left alone). */
    public static void startAgain() throws IOException, InterruptedException {
        run(List.of("infra-start"));
    }

    private static void run(List<String> args) throws IOException, InterruptedException {
        Path repo = Path.of(TestEnv.get("preau.repo"));
        Path log = Files.createTempFile("preau-stack", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("bin/preau").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/preau " + args + " failed: " + Files.readString(log));
        }
    }
}
