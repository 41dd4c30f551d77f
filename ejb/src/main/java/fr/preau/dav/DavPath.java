package fr.preau.dav;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths of DAV resources: a request's path or a client's href split into decoded segments, and segments encoded
 * back into an href (RFC 3986: everything but the unreserved characters and {@code @} percent-encoded, UTF-8).
 */
public final class DavPath {
    private DavPath() {
    }

    /** One segment encoded for an href. */
    public static String encode(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * The decoded segments of a path or href (an absolute URL is reduced to its path), empty segments left out;
     * null when it cannot be read (bad percent-encoding, a {@code ..} or {@code .} segment).
     */
    public static List<String> segments(String pathOrHref) {
        if (pathOrHref == null) {
            return null;
        }
        String path = pathOrHref.strip();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            try {
                path = new URI(path).getRawPath();
            } catch (URISyntaxException e) {
                return null;
            }
            if (path == null) {
                return null;
            }
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String s = decode(raw);
            if (s == null || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0) {
                return null;
            }
            segments.add(s);
        }
        return segments;
    }

    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
