package fr.preau.mail;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * The HTML the editor produces: sanitized to a small set of formatting elements (no script, style, image, form or
 * event attribute: a message written in the portal carries no active content), and turned into its text/plain
 * alternative (paragraphs and line breaks kept, lists with dashes or numbers, quotations prefixed with {@code > },
 * links followed by their address).
 */
public final class HtmlBody {
    private static final Safelist SAFE = new Safelist()
            .addTags("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup",
                    "ul", "ol", "li", "blockquote", "pre", "code", "h1", "h2", "h3", "a", "hr")
            .addAttributes("a", "href")
            .addAttributes("blockquote", "type")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);
    private static final List<String> BLOCKS = List.of("p", "div", "li", "h1", "h2", "h3", "pre", "blockquote",
            "ul", "ol", "hr");

    private HtmlBody() {
    }

    /** Only the formatting elements survive. */
    public static String sanitize(String html) {
        return Jsoup.clean(html == null ? "" : html, "", SAFE, OUTPUT);
    }

    /** Escapes plain text into HTML paragraphs, one line break per line. */
    public static String fromPlainText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>");
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (html.length() > 3) {
                html.append("<br>");
            }
            html.append(org.jsoup.nodes.Entities.escape(line));
        }
        return html.append("</p>").toString();
    }

    /** The text/plain alternative of sanitized HTML. */
    public static String toPlainText(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        StringBuilder out = new StringBuilder();
        render(doc.body(), out, "");
        return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void render(Node node, StringBuilder out, String prefix) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                append(out, prefix, t.getWholeText().replaceAll("\\s+", " "));
            } else if (child instanceof Element e) {
                element(e, out, prefix);
            }
        }
    }

    private static void element(Element e, StringBuilder out, String prefix) {
        String tag = e.normalName();
        switch (tag) {
            case "br" -> lineBreak(out, prefix);
            case "blockquote" -> {
                newLine(out, prefix);
                render(e, out, prefix + "> ");
                newLine(out, prefix);
            }
            case "li" -> {
                newLine(out, prefix);
                Element parent = e.parent();
                boolean ordered = parent != null && "ol".equals(parent.normalName());
                append(out, prefix, ordered ? (e.elementSiblingIndex() + 1) + ". " : "- ");
                render(e, out, prefix);
            }
            case "a" -> {
                render(e, out, prefix);
                String href = e.attr("href");
                if (!href.isEmpty() && !href.equals(e.text()) && !("mailto:" + e.text()).equals(href)) {
                    append(out, prefix, " <" + href + ">");
                }
            }
            case "hr" -> {
                newLine(out, prefix);
                append(out, prefix, "----");
                newLine(out, prefix);
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    newLine(out, prefix);
                }
                render(e, out, prefix);
                if (block) {
                    newLine(out, prefix);
                }
            }
        }
    }

    private static void append(StringBuilder out, String prefix, String text) {
        boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        String t = lineStart ? text.stripLeading() : text;
        if (t.isEmpty()) {
            return;
        }
        if (lineStart) {
            out.append(prefix);
        }
        out.append(t);
    }

    /** Starts a new line unless at the start of one. */
    private static void newLine(StringBuilder out, String prefix) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** An explicit line break: an empty line when already at the start of one. */
    private static void lineBreak(StringBuilder out, String prefix) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.append(prefix.stripTrailing());
        }
        out.append('\n');
    }
}
