package fr.preau.dav;

import java.util.OptionalLong;

/**
 * The sync token of a collection (RFC 6578): a URI naming the collection's change counter,
 * {@code urn:x-preau:sync:<collection>:<counter>}. A token of another collection, one from the future or anything
 * else is not ours: the report answers 403 {@code DAV:valid-sync-token} and the client starts afresh.
 */
public final class SyncToken {
    private static final String PREFIX = "urn:x-preau:sync:";

    private SyncToken() {
    }

    public static String of(String collection, long counter) {
        return PREFIX + collection + ':' + counter;
    }

    /**
     * The counter of a token the client sent; {@code 0} for an empty token (the first sync: everything).
     *
     * @throws DavRefusal 403 valid-sync-token when the token is not one of this collection up to {@code current}
     */
    public static long counter(String token, String collection, long current) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        OptionalLong n = parse(token.strip(), collection);
        if (n.isEmpty() || n.getAsLong() > current) {
            throw new DavRefusal(403, Dav.VALID_SYNC_TOKEN, "dav.syncToken");
        }
        return n.getAsLong();
    }

    static OptionalLong parse(String token, String collection) {
        String prefix = PREFIX + collection + ':';
        if (!token.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        String digits = token.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
