package fr.preau.mail.compose;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.preau.mail.HtmlBody;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Original;
import org.jsoup.nodes.Entities;

/**
 * How a reply or a forward starts from the original: subject prefixes, recipients, thread headers (RFC 5322
 * section 3.6.4) and the quoted text.
 */
public final class Quoting {
    /** At most this many message ids in References: the first and the most recent ones are kept. */
    static final int MAX_REFERENCES = 20;
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^\\s*(re|aw|sv)\\s*:.*");
    private static final Pattern FORWARD_PREFIX = Pattern.compile("(?i)^\\s*(fwd?|tr)\\s*:.*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm",
            Locale.FRENCH);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Quoting() {
    }

    /** "Re: subject", once: an existing Re:/RE :/AW: prefix is kept as it is. */
    public static String replySubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        return REPLY_PREFIX.matcher(s).matches() ? s : "Re: " + s;
    }

    /** "Fwd: subject", once. */
    public static String forwardSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        return FORWARD_PREFIX.matcher(s).matches() ? s : "Fwd: " + s;
    }

    /** The References of a reply: the original's References (or In-Reply-To) followed by its Message-ID. */
    public static List<String> references(List<String> originalReferences, String originalMessageId) {
        List<String> refs = new ArrayList<>();
        for (String r : originalReferences) {
            if (fr.preau.mail.OutgoingMessage.isMessageId(r) && !refs.contains(r)) {
                refs.add(r);
            }
        }
        if (fr.preau.mail.OutgoingMessage.isMessageId(originalMessageId) && !refs.contains(originalMessageId)) {
            refs.add(originalMessageId);
        }
        if (refs.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>();
            kept.add(refs.get(0));
            kept.addAll(refs.subList(refs.size() - MAX_REFERENCES + 1, refs.size()));
            return kept;
        }
        return refs;
    }

    /** Whom a reply goes to: Reply-To when the original has one, else its sender. */
    public static List<MailAddress> replyTo(Original original) {
        if (!original.replyTo().isEmpty()) {
            return original.replyTo();
        }
        return original.from() == null ? List.of() : List.of(original.from());
    }

    /**
     * The Cc of a reply to all: the original's To and Cc, without the user's own address and without those already
     * in To, each address once.
     */
    public static List<MailAddress> replyAllCc(Original original, MailAddress self, List<MailAddress> to) {
        Map<String, MailAddress> cc = new LinkedHashMap<>();
        for (MailAddress a : concat(original.to(), original.cc())) {
            boolean excluded = a.address().equals(self.address())
                    || to.stream().anyMatch(t -> t.address().equals(a.address()));
            if (!excluded) {
                cc.putIfAbsent(a.address(), a);
            }
        }
        return List.copyOf(cc.values());
    }

    /** The To of a reply to all: as a reply, unless the user wrote the original (then its recipients). */
    public static List<MailAddress> replyAllTo(Original original, MailAddress self) {
        List<MailAddress> to = replyTo(original);
        if (to.size() == 1 && to.get(0).address().equals(self.address()) && !original.to().isEmpty()) {
            return original.to();
        }
        return to;
    }

    /** "Le 23 novembre 2026 à 14:05, Marie Dupont a écrit :" */
    public static String attribution(Original original) {
        String who = original.from() == null ? "?" : original.from().toString();
        if (original.date() == null) {
            return who + " a écrit :";
        }
        return "Le " + DATE.format(original.date().atZone(PARIS)) + ", " + who + " a écrit :";
    }

    /** Each line prefixed with {@code > } ({@code >} before a line already quoted), trailing blank lines removed. */
    public static String quotePlain(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n").stripTrailing();
        StringBuilder out = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            out.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The quoted original for the editor: the attribution line, then the text in a cite blockquote. */
    public static String quoteHtml(Original original) {
        return "<p><br></p><p>" + Entities.escape(attribution(original)) + "</p><blockquote type=\"cite\">"
                + HtmlBody.fromPlainText(original.text().stripTrailing()) + "</blockquote>";
    }

    /** The forwarded original for the editor: a header block (De, Date, Objet, À, Cc) then its text. */
    public static String forwardHtml(Original original) {
        StringBuilder h = new StringBuilder("<p><br></p><p>-------- Message transféré --------<br>");
        line(h, "De", original.from() == null ? "" : original.from().toString());
        line(h, "Date", original.date() == null ? "" : DATE.format(original.date().atZone(PARIS)));
        line(h, "Objet", original.subject());
        line(h, "À", join(original.to()));
        if (!original.cc().isEmpty()) {
            line(h, "Cc", join(original.cc()));
        }
        h.append("</p>").append(HtmlBody.fromPlainText(original.text().stripTrailing()));
        return h.toString();
    }

    private static void line(StringBuilder h, String label, String value) {
        h.append(Entities.escape(label)).append(" : ").append(Entities.escape(value)).append("<br>");
    }

    /** Addresses as a user types them: {@code Name <address>, …}. */
    public static String join(List<MailAddress> list) {
        return String.join(", ", list.stream().map(Quoting::typed).toList());
    }

    /** One address as a user types it, the name quoted when it holds a separator. */
    public static String typed(MailAddress a) {
        if (a.personal() == null) {
            return a.address();
        }
        String name = a.personal().replace('"', '\'');
        boolean quote = name.chars().anyMatch(c -> ",;<>@".indexOf(c) >= 0);
        return (quote ? "\"" + name + "\"" : name) + " <" + a.address() + ">";
    }

    private static List<MailAddress> concat(List<MailAddress> a, List<MailAddress> b) {
        List<MailAddress> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
