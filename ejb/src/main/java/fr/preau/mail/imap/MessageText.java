package fr.preau.mail.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The readable text of a message: the first text/plain part, else the text of the first text/html part, plus the
 * names of the attachments. Real-world mail breaks parsers (unknown charsets, missing boundaries, bad base64):
 * whatever cannot be decoded is shown as well as possible and reported through {@link #problem()}, never thrown.
 */
record MessageText(String text, List<String> attachmentNames, boolean problem) {
    private static final int MAX_TEXT = 2_000_000;

    static MessageText of(Part message) {
        Collector c = new Collector();
        c.walk(message, 0);
        String text = c.plain != null ? c.plain : c.html != null ? htmlToText(c.html) : "";
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
            c.problem = true;
        }
        return new MessageText(text, List.copyOf(c.attachments), c.problem);
    }

    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        doc.select("p, div, tr, li, h1, h2, h3, h4, h5, h6, blockquote").before("\n");
        return doc.body() == null ? "" : doc.body().wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static final class Collector {
        private String plain;
        private String html;
        private final List<String> attachments = new ArrayList<>();
        private boolean problem;

        void walk(Part part, int depth) {
            if (depth > 20) {
                problem = true;
                return;
            }
            try {
                String disposition = part.getDisposition();
                String fileName = fileName(part);
                if (part.isMimeType("multipart/*")) {
                    Object content = part.getContent();
                    if (content instanceof Multipart multipart) {
                        for (int i = 0; i < multipart.getCount(); i++) {
                            BodyPart child = multipart.getBodyPart(i);
                            walk(child, depth + 1);
                        }
                    } else {
                        problem = true;
                    }
                } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null
                        && !part.isMimeType("text/plain") && !part.isMimeType("text/html")) {
                    attachments.add(fileName != null ? fileName : "(sans nom)");
                } else if (part.isMimeType("text/plain") && plain == null) {
                    plain = decodeText(part);
                } else if (part.isMimeType("text/html") && html == null) {
                    html = decodeText(part);
                } else if (part.isMimeType("message/rfc822")) {
                    attachments.add(fileName != null ? fileName : "message.eml");
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                problem = true;
            }
        }

        private String decodeText(Part part) throws MessagingException {
            try {
                Object content = part.getContent();
                if (content instanceof String s) {
                    return s;
                }
            } catch (IOException | RuntimeException e) {
                problem = true;
            }
            return rawText(part);
        }

        /** Fallback for unknown charsets: decode the bytes as UTF-8, or Latin-1 when they are not UTF-8. */
        private String rawText(Part part) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = readAtMost(in, MAX_TEXT);
                String utf8 = new String(bytes, StandardCharsets.UTF_8);
                return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
            } catch (IOException | MessagingException | RuntimeException e) {
                problem = true;
                return "";
            }
        }

        private static String fileName(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    String type = part.getContentType();
                    if (type != null) {
                        name = new ContentType(type).getParameter("name");
                    }
                }
                return name == null ? null : MimeUtility.decodeText(name).strip();
            } catch (MessagingException | IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0 && out.size() < max) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
