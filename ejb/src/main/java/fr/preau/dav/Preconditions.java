package fr.preau.dav;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code If-Match} and {@code If-None-Match} of a PUT or DELETE (RFC 9110 §13.1), against the resource's current
 * strong ETag ({@code null} when the resource does not exist). A client that edits a card it read before sends
 * {@code If-Match: "etag"}; one that creates sends {@code If-None-Match: *}: each change then fails with 412 rather
 * than overwrite someone else's.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /**
     * Refuses with 412 when a header's condition does not hold.
     *
     * @throws DavRefusal 412
     */
    public static void check(String ifMatch, String ifNoneMatch, String currentEtag) {
        if (!holds(ifMatch, ifNoneMatch, currentEtag)) {
            throw DavRefusal.stale();
        }
    }

    /** Whether both headers (each may be null) hold for a resource of that ETag (null: no resource). */
    public static boolean holds(String ifMatch, String ifNoneMatch, String currentEtag) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (currentEtag == null) {
                return false;
            }
            if (!"*".equals(ifMatch.strip()) && !tags(ifMatch).contains(currentEtag)) {
                return false;
            }
        }
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && currentEtag != null) {
            return !"*".equals(ifNoneMatch.strip()) && !tags(ifNoneMatch).contains(currentEtag);
        }
        return true;
    }

    /** The entity tags of a header, quotes kept; weak tags ({@code W/"…"}) never match a strong comparison. */
    static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            int open = header.indexOf('"', i);
            if (open < 0) {
                break;
            }
            int close = header.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            boolean weak = open >= 2 && header.startsWith("W/", open - 2);
            if (!weak) {
                tags.add(header.substring(open, close + 1));
            }
            i = close + 1;
        }
        return tags;
    }
}
