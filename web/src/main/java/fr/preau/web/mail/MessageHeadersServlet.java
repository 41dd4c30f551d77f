package fr.preau.web.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Every header of a message as received (routing, authentication results…), escaped, in a page of its own. */
@WebServlet("/mail/en-tetes")
public class MessageHeadersServlet extends ReadingServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void serve(HttpServletRequest req, HttpServletResponse resp, ReadingHttp.Target target)
            throws IOException {
        List<String> lines = reading().headers(target.folder(), target.uid());
        String title = ReadingHttp.text(req, "mail.headers.title");
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(ReadingHttp.locale(req).getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(ReadingHttp.escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:0;padding:16px 20px;color:#1f2937}")
                .append("h1{font-size:20px}pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:13px;")
                .append("background:#f3f4f6;border:1px solid #d1d5db;border-radius:8px;padding:12px}")
                .append("</style></head><body><main><h1>").append(ReadingHttp.escape(title)).append("</h1>")
                .append("<pre id=\"raw-headers\">");
        for (String line : lines) {
            page.append(ReadingHttp.escape(line)).append('\n');
        }
        page.append("</pre></main></body></html>");
        byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
        String etag = ReadingHttp.etag(page.toString());
        ReadingHttp.secure(resp);
        ReadingHttp.revalidate(resp, etag);
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'");
        if (ReadingHttp.notModified(req, etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
