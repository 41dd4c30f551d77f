package fr.preau.web.mail;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An attachment as a download ({@code Content-Disposition: attachment} with its RFC 5987 file name,
 * {@code nosniff}, a sandboxing policy), or with {@code inline=1} an image the sanitised HTML shows through
 * {@code cid:} (raster images only: never SVG or HTML inline). Streamed from IMAP, never held whole in memory.
 */
@WebServlet("/mail/piece-jointe")
public class AttachmentServlet extends ReadingServlet {
    private static final long serialVersionUID = 1L;
    /**
     * Never kept by the browser: on a computer shared in a staff room, the next person must not find a colleague's
     * attachments in the cache. The ETag still spares a second download within one page.
     */
    private static final String NO_STORE = "private, no-store";
    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp");

    @Override
    protected void serve(HttpServletRequest req, HttpServletResponse resp, ReadingHttp.Target target)
            throws IOException {
        String part = req.getParameter("partie");
        boolean inline = "1".equals(req.getParameter("inline"));
        // A UID names the same content for as long as the folder exists: the tag is known before reading IMAP.
        // It includes the signed-in user, so another account's copy never matches.
        String etag = ReadingHttp.etag(String.valueOf(req.getRemoteUser()), target.folder().name(),
                target.uid().toString(), String.valueOf(part), String.valueOf(inline));
        if (ReadingHttp.notModified(req, etag)) {
            ReadingHttp.secure(resp);
            resp.setHeader("Cache-Control", NO_STORE);
            resp.setHeader("ETag", etag);
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        reading().download(target.folder(), target.uid(), part, attachment -> {
            boolean showInline = inline && INLINE_TYPES.contains(attachment.contentType());
            ReadingHttp.secure(resp);
            resp.setHeader("Cache-Control", NO_STORE);
            resp.setHeader("ETag", etag);
            resp.setHeader("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'");
            resp.setContentType(showInline ? attachment.contentType() : downloadType(attachment.contentType()));
            resp.setHeader("Content-Disposition", disposition(showInline ? "inline" : "attachment",
                    attachment.name()));
            return resp.getOutputStream();
        });
    }

    /** Text types would get a charset guessed by the container: downloads keep the bytes as they are. */
    private static String downloadType(String type) {
        return type.startsWith("text/") ? "application/octet-stream" : type;
    }

    /** RFC 6266 / RFC 5987: an ASCII fallback name and the exact name in UTF-8. */
    static String disposition(String kind, String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
