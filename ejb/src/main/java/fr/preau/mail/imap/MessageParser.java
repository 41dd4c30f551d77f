package fr.preau.mail.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.preau.mail.Attachment;
import fr.preau.mail.HeaderText;
import fr.preau.mail.ParsedMessage;
import fr.preau.mail.PartPath;
import fr.preau.mail.ReadingProblem;
import fr.preau.mail.ReadingProblem.Kind;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a message's MIME tree into a {@link ParsedMessage}: the first text/plain and text/html parts, the
 * attachments with their part paths, inline images by Content-ID. Real-world mail breaks parsers (unknown charsets,
 * missing boundaries, bad base64, malformed headers): whatever cannot be decoded is shown as well as possible and
 * named in {@link ParsedMessage#problems()}, never thrown. Works the same on an IMAP message (parts fetched on
 * demand) and on a message parsed from bytes.
 */
public final class MessageParser {
    /** Characters of plain text, and of HTML, kept from one message. */
    static final int MAX_TEXT = 2_000_000;
    /** Parts walked in one message, at every depth: a crafted mail of 100,000 parts costs no more than this. */
    static final int MAX_PARTS = 500;
    /** Decoded bytes read from all the text parts of one message together. */
    static final long MAX_TEXT_BYTES = 4L * MAX_TEXT;
    private static final int MAX_DEPTH = 20;
    private static final Pattern HEADER = Pattern.compile("[!-9;-~]+[ \t]*:");

    private MessageParser() {
    }

    public static ParsedMessage parse(Part message) {
        Walker w = new Walker();
        if (message instanceof Message m) {
            w.checkHeaders(m);
        }
        w.walk(message, "r", 0);
        if (message instanceof MimeMessage m) {
            w.recoverBrokenHeaders(m);
        }
        String plain = w.plain == null ? null : w.plain.toString();
        String html = w.html;
        if ((plain == null || plain.isBlank()) && (html == null || html.isBlank()) && w.attachments.isEmpty()) {
            w.problem(Kind.EMPTY, "");
        }
        List<Attachment> attachments = new ArrayList<>();
        String lowerHtml = html == null || w.cidOf.isEmpty() ? null : html.toLowerCase(Locale.ROOT);
        for (Attachment a : w.attachments) {
            String cid = w.cidOf.get(a.part());
            boolean inline = cid != null && lowerHtml != null && a.contentType().startsWith("image/")
                    && lowerHtml.contains("cid:" + cid.toLowerCase(Locale.ROOT));
            attachments.add(inline ? new Attachment(a.part(), a.name(), a.contentType(), a.size(), true) : a);
        }
        Map<String, String> contentIds = new LinkedHashMap<>();
        w.cidOf.forEach((part, cid) -> contentIds.putIfAbsent(cid, part));
        String text = plain != null ? plain : html != null ? htmlToText(html) : "";
        return new ParsedMessage(plain, html, text, List.copyOf(attachments), Map.copyOf(contentIds),
                List.copyOf(w.problems));
    }

    /** The text of an HTML document, for replies and for the plain view of HTML-only mail. */
    public static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        doc.select("p, div, tr, li, h1, h2, h3, h4, h5, h6, blockquote").before("\n");
        return doc.body() == null ? "" : doc.body().wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The part at this path of the message, or null when there is none. */
    public static Part find(Part message, String path) throws MessagingException, IOException {
        Part part = message;
        for (int index : PartPath.indexes(path)) {
            if (!part.isMimeType("multipart/*") || !(part.getContent() instanceof Multipart multipart)
                    || index >= multipart.getCount()) {
                return null;
            }
            part = multipart.getBodyPart(index);
        }
        return part;
    }

    /** The decoded bytes of a part; bad base64 is decoded as far as it goes rather than refused. */
    public static InputStream decoded(Part part) throws MessagingException, IOException {
        try {
            InputStream in = part.getInputStream();
            return in;
        } catch (IOException | MessagingException | RuntimeException e) {
            return new java.io.ByteArrayInputStream(lenient(part));
        }
    }

    /** Bytes of a part whose transfer encoding is broken: base64 decoded as far as it goes, else the raw bytes. */
    static byte[] lenient(Part part) throws MessagingException, IOException {
        if (!(part instanceof MimePart mime)) {
            return new byte[0];
        }
        byte[] raw;
        InputStream in = rawStream(mime);
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            raw = readAtMost(in, MAX_TEXT * 2);
        }
        String encoding = mime.getEncoding();
        if (encoding != null && "base64".equalsIgnoreCase(encoding.strip())) {
            StringBuilder clean = new StringBuilder(raw.length);
            for (byte b : raw) {
                char c = (char) (b & 0xff);
                if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                    clean.append(c);
                }
            }
            clean.setLength(clean.length() - clean.length() % 4);
            return Base64.getDecoder().decode(clean.toString());
        }
        return raw;
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return null;
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class Walker {
        /** Every text/plain part, in order, up to {@link #MAX_TEXT} characters: never rebuilt, never past the cap. */
        private StringBuilder plain;
        private String html;
        private int parts;
        private long textBytes;
        private final List<Attachment> attachments = new ArrayList<>();
        private final Map<String, String> cidOf = new LinkedHashMap<>();
        private final List<ReadingProblem> problems = new ArrayList<>();

        void problem(Kind kind, String detail) {
            ReadingProblem p = new ReadingProblem(kind, detail);
            if (!problems.contains(p) && problems.size() < 20) {
                problems.add(p);
            }
        }

        /** Appends a text part to the plain text, up to the cap; what does not fit is said, not kept. */
        void appendPlain(String text) {
            if (plain == null) {
                plain = new StringBuilder(Math.min(text.length(), MAX_TEXT));
            } else if (plain.length() < MAX_TEXT) {
                plain.append(plain.length() + 2 <= MAX_TEXT ? "\n\n" : "");
            }
            int room = MAX_TEXT - plain.length();
            if (text.length() > room) {
                problem(Kind.TRUNCATED, "");
            }
            plain.append(text, 0, Math.max(0, Math.min(room, text.length())));
        }

        String cut(String text) {
            if (text.length() > MAX_TEXT) {
                problem(Kind.TRUNCATED, "");
                return text.substring(0, MAX_TEXT);
            }
            return text;
        }

        boolean plainFull() {
            return plain != null && plain.length() >= MAX_TEXT;
        }

        boolean hasPlain() {
            return plain != null;
        }

        void setPlainIfNone(String text) {
            if (plain == null) {
                appendPlain(text);
            }
        }

        void checkHeaders(Message m) {
            for (String header : new String[] {"From", "To", "Cc", "Date"}) {
                try {
                    switch (header) {
                        case "From" -> m.getFrom();
                        case "To" -> m.getRecipients(Message.RecipientType.TO);
                        case "Cc" -> m.getRecipients(Message.RecipientType.CC);
                        default -> m.getSentDate();
                    }
                } catch (MessagingException | RuntimeException e) {
                    problem(Kind.HEADERS, header);
                }
            }
        }

        /**
         * A header block that does not end with an empty line (or a message without headers) turns the text into
         * "header lines" without a name: they are given back as text, and the problem is said.
         */
        void recoverBrokenHeaders(MimeMessage m) {
            List<String> lines = new ArrayList<>();
            try {
                Enumeration<String> all = m.getAllHeaderLines();
                boolean broken = false;
                while (all.hasMoreElements()) {
                    String line = all.nextElement();
                    broken = broken || !HEADER.matcher(line).lookingAt();
                    if (broken) {
                        lines.add(HeaderText.of(line));
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                problem(Kind.HEADERS, "");
                return;
            }
            if (!lines.isEmpty()) {
                problem(Kind.HEADERS, "");
                if ((plain == null || plain.toString().isBlank()) && html == null) {
                    plain = null;
                    appendPlain(String.join("\n", lines).replaceAll("\r?\n[ \t]", "\n").strip());
                }
            }
        }

        void walk(Part part, String path, int depth) {
            if (depth > MAX_DEPTH) {
                problem(Kind.STRUCTURE, "");
                return;
            }
            parts++;
            try {
                if (part.isMimeType("multipart/*")) {
                    walkMultipart(part, path, depth);
                    return;
                }
                String fileName = fileName(part);
                String disposition = disposition(part);
                boolean usual = part.isMimeType("text/plain") || part.isMimeType("text/html");
                if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || !part.isMimeType("text/*")
                        || fileName != null && !usual || part.isMimeType("text/calendar")) {
                    attach(part, path, fileName);
                } else if (part.isMimeType("text/html")) {
                    html = html == null ? cut(decodeText(part)) : html;
                } else if (plainFull()) {
                    problem(Kind.TRUNCATED, "");
                } else {
                    appendPlain(decodeText(part));
                }
            } catch (MessagingException | RuntimeException e) {
                problem(Kind.PART, path);
            }
        }

        private void walkMultipart(Part part, String path, int depth) throws MessagingException {
            Object content;
            try {
                content = part.getContent();
            } catch (IOException | MessagingException | RuntimeException e) {
                content = null;
            }
            if (!(content instanceof Multipart multipart)) {
                problem(Kind.STRUCTURE, "");
                if (!hasPlain()) {
                    setPlainIfNone(rawText(part));
                }
                return;
            }
            int count;
            try {
                count = multipart.getCount();
            } catch (MessagingException | RuntimeException e) {
                problem(Kind.STRUCTURE, "");
                if (!hasPlain()) {
                    setPlainIfNone(rawText(part));
                }
                return;
            }
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < count; i++) {
                if (parts >= MAX_PARTS) {
                    problem(Kind.PARTS, String.valueOf(MAX_PARTS));
                    return;
                }
                BodyPart child;
                try {
                    child = multipart.getBodyPart(i);
                } catch (MessagingException | RuntimeException e) {
                    problem(Kind.STRUCTURE, "");
                    continue;
                }
                if (alternative && skipAlternative(child)) {
                    continue;
                }
                walk(child, PartPath.child(path, i), depth + 1);
            }
        }

        /** In multipart/alternative, only the first plain and first HTML version count. */
        private boolean skipAlternative(Part child) throws MessagingException {
            return child.isMimeType("text/plain") && plain != null || child.isMimeType("text/html") && html != null;
        }

        private void attach(Part part, String path, String fileName) throws MessagingException {
            String type = baseType(part);
            String name = fileName != null ? fileName : defaultName(type, attachments.size() + 1);
            long size = part.getSize();
            String encoding = part instanceof MimePart mime ? safeEncoding(mime) : null;
            if (size > 0 && "base64".equalsIgnoreCase(encoding)) {
                size = size * 3 / 4;
            }
            attachments.add(new Attachment(path, name, type, Math.max(size, 0), false));
            if (part instanceof MimePart mime) {
                try {
                    String cid = mime.getContentID();
                    if (cid != null) {
                        cid = cid.strip();
                        if (cid.startsWith("<") && cid.endsWith(">")) {
                            cid = cid.substring(1, cid.length() - 1);
                        }
                        if (!cid.isEmpty()) {
                            cidOf.put(path, cid);
                        }
                    }
                } catch (MessagingException | RuntimeException e) {
                    // No usable Content-ID: the part stays a plain attachment.
                }
            }
        }

        private static String safeEncoding(MimePart part) {
            try {
                String e = part.getEncoding();
                return e == null ? null : e.strip();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        /**
         * The text of a part, decoded from at most what is left of the message's byte budget (never the whole part
         * first): a part longer than that is cut and said so.
         */
        private String decodeText(Part part) {
            String declared = charset(part);
            java.nio.charset.Charset charset;
            try {
                charset = java.nio.charset.Charset.forName(declared.isEmpty() ? "US-ASCII"
                        : MimeUtility.javaCharset(declared));
            } catch (IllegalArgumentException e) {
                problem(Kind.CHARSET, declared);
                return rawText(part);
            }
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = readBudget(in);
            } catch (IOException | MessagingException | RuntimeException e) {
                problem(Kind.PART, "");
                return rawText(part);
            }
            if (declared.isEmpty()) {
                String utf8 = new String(bytes, StandardCharsets.UTF_8);
                return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
            }
            return new String(bytes, charset);
        }

        /** Reads what is left of the message's text budget, at most; says so when the part goes on. */
        private byte[] readBudget(InputStream in) throws IOException {
            long left = Math.max(0, MAX_TEXT_BYTES - textBytes);
            byte[] bytes = readAtMost(in, (int) Math.min(left, MAX_TEXT * 2L));
            textBytes += bytes.length;
            if (in.read() >= 0) {
                problem(Kind.TRUNCATED, "");
            }
            return bytes;
        }

        /** Fallback: the decoded bytes as UTF-8, or Latin-1 when they are not UTF-8. */
        private String rawText(Part part) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = readBudget(in);
            } catch (IOException | MessagingException | RuntimeException e) {
                if (textBytes >= MAX_TEXT_BYTES) {
                    problem(Kind.TRUNCATED, "");
                    return "";
                }
                try {
                    bytes = lenient(part);
                    textBytes += bytes.length;
                } catch (IOException | MessagingException | RuntimeException e2) {
                    problem(Kind.PART, "");
                    return "";
                }
            }
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
        }

        private static String charset(Part part) {
            try {
                String cs = new ContentType(part.getContentType()).getParameter("charset");
                return cs == null ? "" : cs.strip();
            } catch (MessagingException | RuntimeException e) {
                return "";
            }
        }

        private static String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private static String baseType(Part part) {
            try {
                ContentType type = new ContentType(part.getContentType());
                String base = type.getBaseType().toLowerCase(Locale.ROOT);
                return base.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")
                        ? base : "application/octet-stream";
            } catch (MessagingException | RuntimeException e) {
                return "application/octet-stream";
            }
        }

        static String fileName(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    String type = part.getContentType();
                    if (type != null) {
                        name = new ContentType(type).getParameter("name");
                    }
                }
                return name == null ? null : cleanName(HeaderText.of(MimeUtility.decodeText(name)));
            } catch (MessagingException | IOException | RuntimeException e) {
                return null;
            }
        }

        /** No folders, no control characters, not empty, at most 200 characters. */
        static String cleanName(String name) {
            String clean = name.replaceAll("[\\p{Cntrl}\\\\/]", "_").strip();
            while (clean.startsWith(".")) {
                clean = clean.substring(1);
            }
            if (clean.length() > 200) {
                clean = clean.substring(clean.length() - 200);
            }
            return clean.isBlank() ? null : clean;
        }

        private static String defaultName(String type, int n) {
            if ("message/rfc822".equals(type)) {
                return "message-" + n + ".eml";
            }
            String sub = type.substring(type.indexOf('/') + 1).replaceAll("[^a-z0-9]", "");
            String ext = switch (sub) {
                case "plain" -> "txt";
                case "jpeg" -> "jpg";
                case "octetstream", "" -> "bin";
                default -> sub.length() <= 5 ? sub : "bin";
            };
            return "piece-jointe-" + n + "." + ext;
        }
    }
}
