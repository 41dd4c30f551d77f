package fr.preau.web.mail;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import fr.preau.mail.MessageBody;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The body of an HTML message, for the sandboxed frame of the reading pane (ADR 0010): a fixed document shell around
 * the sanitiser's output, written as it is, under a Content-Security-Policy without script. Remote images load only
 * with {@code images=1} (the user clicked "Afficher les images") or for a trusted sender.
 */
@WebServlet("/mail/corps")
public class MessageBodyServlet extends ReadingServlet {
    private static final long serialVersionUID = 1L;

    /** The shell's own styles: readable text, images and tables kept inside the frame's width. */
    static final String SHELL_STYLE = "body{margin:0;padding:4px 2px;font:15px/1.5 system-ui,-apple-system,"
            + "'Segoe UI',Roboto,Arial,sans-serif;color:#1f2937;overflow-wrap:anywhere}"
            + "img{max-width:100%;height:auto}table{max-width:100%}pre{white-space:pre-wrap}"
            + "blockquote{margin:0 0 0 8px;padding-left:12px;border-left:3px solid #d1d5db;color:#4b5563}"
            + "a{color:#1d4ed8}.plain{white-space:pre-wrap;font:inherit;margin:0}";

    @Override
    protected void serve(HttpServletRequest req, HttpServletResponse resp, ReadingHttp.Target target)
            throws IOException {
        boolean images = "1".equals(req.getParameter("images"));
        MessageBody body = reading().body(target.folder(), target.uid(), images, partUrlPrefix(req, target));
        String content = body != null ? body.html() : "<pre class=\"plain\">"
                + ReadingHttp.escape(reading().peek(target.folder(), target.uid()).text()) + "</pre>";
        boolean remote = body != null && body.remoteImagesShown();
        String page = document(ReadingHttp.text(req, "mail.reading.frame"), "", content);
        write(req, resp, page, remote, "'self'");
    }

    /** The address of an inline part of this message, to which the part path is appended. */
    static String partUrlPrefix(HttpServletRequest req, ReadingHttp.Target target) {
        return req.getContextPath() + "/mail/piece-jointe?dossier="
                + URLEncoder.encode(target.folder().name(), StandardCharsets.UTF_8) + "&uid=" + target.uid()
                + "&inline=1&partie=";
    }

    /** The fixed shell: trusted text of the portal, then the sanitiser's output as it is. */
    static String document(String title, String style, String sanitised) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + ReadingHttp.escape(title) + "</title>"
                + "<style>" + SHELL_STYLE + style + "</style></head><body>" + sanitised + "</body></html>";
    }

    /**
     * Writes a document holding sanitised mail with its policy: images from the portal itself ({@code cid:} parts)
     * and, when allowed, from the web.
     */
    static void write(HttpServletRequest req, HttpServletResponse resp, String page, boolean remoteImages,
            String frameAncestors) throws IOException {
        String etag = ReadingHttp.etag(page, String.valueOf(remoteImages));
        ReadingHttp.secure(resp);
        ReadingHttp.revalidate(resp, etag);
        resp.setHeader("Content-Security-Policy", ReadingHttp.MAIL_CSP + "'self'"
                + (remoteImages ? " https: http:" : "") + "; frame-ancestors " + frameAncestors);
        if (ReadingHttp.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
