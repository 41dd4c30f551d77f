package fr.preau.testing;

/**
 * The running stack the integration tests talk to, as {@code bin/preau test} exports it from
 * {@code $PREAU_HOME/preau.env}. A missing variable fails the test with the variable's name.
 */
public final class TestEnv {
    private TestEnv() {
    }

    public static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with bin/preau test");
        }
        return value;
    }

    public static int port(String name) {
        return Integer.parseInt(get(name));
    }

    public static String domain() {
        return get("PREAU_MAIL_DOMAIN");
    }
}
