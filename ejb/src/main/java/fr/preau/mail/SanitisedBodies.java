package fr.preau.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.preau.mail.html.MailHtmlSanitizer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sanitised HTML of the messages just opened, so that one message view sanitises once (issue 10, item 5): the
 * reading pane counts the blocked remote images, then the frame asks for the same HTML. The inline images' addresses
 * depend on the request, so the cached HTML holds a placeholder (random for each server run, so no message can forge
 * it) that {@link #withPartUrls} replaces. Entries are keyed by the mailbox's owner, folder, UID and whether remote
 * images are shown, so a mailbox never gets another's; a few hundred are kept, the oldest used go first.
 */
@ApplicationScoped
public class SanitisedBodies {
    private static final int MAX_ENTRIES = 200;
    private static final String PART = "/preau-partie-" + UUID.randomUUID() + "/";

    private final Map<String, MailHtmlSanitizer.Result> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MailHtmlSanitizer.Result> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The message's HTML sanitised, inline images pointing at the placeholder; null when it has no HTML part. */
    public MailHtmlSanitizer.Result sanitised(MailboxContext ctx, FolderPath folder, MessageUid uid,
            ParsedMessage parsed, boolean remoteImages) {
        if (parsed.html() == null) {
            return null;
        }
        // The UID carries the folder's UIDVALIDITY: one key, one message, for as long as the folder lives.
        String key = ctx.owner().address() + '\n' + folder.name() + '\n' + uid + '\n' + remoteImages;
        synchronized (cache) {
            MailHtmlSanitizer.Result known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        MailHtmlSanitizer.Result clean = MailHtmlSanitizer.sanitize(parsed.html(), remoteImages, cid -> {
            String part = parsed.contentIds().get(cid);
            return part == null ? null : PART + part;
        });
        synchronized (cache) {
            cache.put(key, clean);
        }
        return clean;
    }

    /** The sanitised HTML with each inline image's placeholder replaced by {@code partUrlPrefix} and its part. */
    public static String withPartUrls(String sanitised, String partUrlPrefix) {
        if (!sanitised.contains(PART)) {
            return sanitised;
        }
        // The prefix encoded exactly as the sanitiser encodes an image's address (its attribute encoder,
        // Encoding.encodeHtmlAttribOnto, is not public): a one-tag document, a few microseconds.
        String probe = MailHtmlSanitizer.sanitize("<img src=\"cid:p\">", false, cid -> partUrlPrefix).html();
        int start = probe.indexOf("src=\"") + 5;
        String encoded = probe.substring(start, probe.indexOf('"', start));
        return sanitised.replace(PART, encoded);
    }
}
