package fr.preau.mail;

import java.util.regex.Pattern;

/**
 * Where a part sits in a message's MIME tree: {@code r} is the message itself, {@code r.0.2} the third child of the
 * first child. A path only ever leads inside the message it is used with, which the caller's own mailbox holds.
 */
public final class PartPath {
    private static final Pattern VALID = Pattern.compile("r(\\.\\d{1,4}){0,20}");

    private PartPath() {
    }

    public static boolean isValid(String path) {
        return path != null && VALID.matcher(path).matches();
    }

    /** The child indexes from the root, e.g. {@code [0, 2]} for {@code r.0.2}. */
    public static int[] indexes(String path) {
        if (!isValid(path)) {
            throw new IllegalArgumentException("Not a part path");
        }
        if (path.length() == 1) {
            return new int[0];
        }
        String[] parts = path.substring(2).split("\\.");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = Integer.parseInt(parts[i]);
        }
        return result;
    }

    public static String child(String parent, int index) {
        return parent + "." + index;
    }
}
