package fr.preau.testing;

import java.io.File;
import java.util.Arrays;

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

    /**
     * The ejb module's libraries (compile and runtime scope), for an Arquillian archive:
     * {@code .addAsLibraries(TestEnv.runtimeLibraries())}. ejb/pom.xml passes them as {@code preau.runtime.classpath}.
     */
    public static File[] runtimeLibraries() {
        String classpath = System.getProperty("preau.runtime.classpath", "");
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(File::new)
                .toArray(File[]::new);
    }
}
