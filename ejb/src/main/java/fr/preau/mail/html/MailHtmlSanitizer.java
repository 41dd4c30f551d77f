package fr.preau.mail.html;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.owasp.html.AttributePolicy;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only way HTML of a received message reaches a browser (ADR 0010): the OWASP Java HTML Sanitizer with an
 * allow-list of formatting elements and attributes, inline styles filtered by its CSS schema (no {@code url()},
 * no expressions), links limited to http, https and mailto, opened in a new tab with
 * {@code rel="noopener noreferrer"} and their real target as title. Images: {@code cid:} references become
 * portal addresses given by the caller; remote (http/https) images are dropped and counted unless the user allowed
 * them. Nothing rewrites the result afterwards: callers write it as it is inside a fixed document shell.
 */
public final class MailHtmlSanitizer {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}%?");
    private static final Pattern COLOUR = Pattern.compile("#?[0-9a-zA-Z]{1,20}");
    private static final Pattern FONT_FACE = Pattern.compile("[\\w ,'\"-]{1,100}");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center|justify|top|middle|bottom|baseline");
    private static final Pattern LINK = Pattern.compile("(?i)\\s*(https?://|mailto:).*", Pattern.DOTALL);
    private static final String[] FORMATTING = {"a", "abbr", "acronym", "address", "b", "bdi", "bdo", "big",
        "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl",
        "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr", "section", "article",
        "header", "footer"};

    private MailHtmlSanitizer() {
    }

    /** What the sanitiser kept, and how many remote images it left out. */
    public record Result(String html, int blockedImages) {
    }

    /**
     * Sanitises the HTML of a message.
     *
     * @param remoteImages true when the user allowed remote images for this message or sender
     * @param cidUrl the portal address of an inline image by its Content-ID (without angle brackets), or null
     */
    public static Result sanitize(String html, boolean remoteImages, Function<String, String> cidUrl) {
        if (html == null || html.isEmpty()) {
            return new Result("", 0);
        }
        AtomicInteger blocked = new AtomicInteger();
        String clean = policy(remoteImages, cidUrl, blocked).sanitize(html);
        return new Result(clean, blocked.get());
    }

    private static PolicyFactory policy(boolean remoteImages, Function<String, String> cidUrl,
            AtomicInteger blocked) {
        AttributePolicy imageSource = (element, attribute, value) -> {
            String url = value.strip();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("cid:")) {
                String id = url.substring(4).strip();
                if (id.startsWith("<") && id.endsWith(">")) {
                    id = id.substring(1, id.length() - 1);
                }
                return cidUrl == null ? null : cidUrl.apply(id);
            }
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
                if (remoteImages) {
                    return lower.startsWith("//") ? "https:" + url : url;
                }
                blocked.incrementAndGet();
                return null;
            }
            return null;
        };
        ElementPolicy links = (element, attributes) -> {
            String target = attribute(attributes, "href");
            removeAttribute(attributes, "title");
            removeAttribute(attributes, "target");
            if (target != null) {
                attributes.add("target");
                attributes.add("_blank");
                attributes.add("title");
                attributes.add(target.regionMatches(true, 0, "mailto:", 0, 7) ? target.substring(7) : target);
            }
            return element;
        };
        return new HtmlPolicyBuilder()
                .allowElements(FORMATTING)
                .allowElements(links, "a")
                .disallowTextIn("title")
                .allowStyling()
                // cid: only reaches the image policy above, which turns it into a portal address.
                .allowUrlProtocols("http", "https", "mailto", "cid")
                .allowAttributes("href").matching(LINK).onElements("a")
                .allowAttributes("target").matching(true, "_blank").onElements("a")
                .allowAttributes("title").onElements("a")
                .requireRelsOnLinks("noopener", "noreferrer")
                .allowAttributes("src").matching(imageSource).onElements("img")
                .allowAttributes("alt").onElements("img")
                .allowAttributes("width", "height").matching(NUMBER)
                    .onElements("img", "table", "td", "th", "col", "colgroup", "hr")
                .allowAttributes("border", "cellpadding", "cellspacing").matching(NUMBER).onElements("table", "img")
                .allowAttributes("colspan", "rowspan", "span", "start", "value").matching(NUMBER)
                    .onElements("td", "th", "col", "colgroup", "ol", "li")
                .allowAttributes("bgcolor", "color").matching(COLOUR)
                    .onElements("table", "tr", "td", "th", "font", "hr", "body")
                .allowAttributes("face").matching(FONT_FACE).onElements("font")
                .allowAttributes("size").matching(NUMBER).onElements("font", "hr")
                .allowAttributes("align", "valign").matching(ALIGN).globally()
                .allowAttributes("dir").matching(true, "ltr", "rtl", "auto").globally()
                .allowAttributes("lang").matching(Pattern.compile("[a-zA-Z-]{1,20}")).globally()
                .allowAttributes("title").onElements("abbr", "acronym", "span", "img", "td", "th")
                .allowAttributes("scope").matching(true, "row", "col", "rowgroup", "colgroup").onElements("th")
                .allowAttributes("type").matching(true, "1", "a", "A", "i", "I", "disc", "circle", "square")
                    .onElements("ol", "ul", "li")
                .toFactory();
    }

    private static String attribute(List<String> attributes, String name) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return attributes.get(i + 1);
            }
        }
        return null;
    }

    private static void removeAttribute(List<String> attributes, String name) {
        for (int i = attributes.size() - 2; i >= 0; i -= 2) {
            if (attributes.get(i).equals(name)) {
                attributes.remove(i + 1);
                attributes.remove(i);
            }
        }
    }
}
