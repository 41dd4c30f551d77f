package fr.preau.shared;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The test pause points of the exactly-once senders (docs/adr/0083, 0111): when the JVM system property {@code name}
 * equals {@code value}, the calling thread waits until the process is killed. Only a test running inside the server
 * sets such a property ({@link Deployment#testPausePoint}); nothing in the configuration does.
 */
public final class PausePoint {
    private static final Logger LOG = Logger.getLogger(PausePoint.class.getName());

    private PausePoint() {
    }

    /** Waits forever if the property {@code name} names {@code value}; returns at once otherwise. */
    public static void hold(String name, String value) {
        if (!value.equals(Deployment.testPausePoint(name))) {
            return;
        }
        LOG.warning(name + " = " + value + ": test pause point, waiting to be killed");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Test pause point interrupted", e);
        }
    }
}
