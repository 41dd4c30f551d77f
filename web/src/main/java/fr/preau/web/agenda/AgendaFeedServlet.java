package fr.preau.web.agenda;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import fr.preau.agenda.AgendaFeed;
import fr.preau.agenda.CalendarFile;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A calendar's private subscription address, {@code /public/agenda/<token>.ics} (docs/adr/0109): read without a
 * portal session by calendar applications (Thunderbird, Outlook, phones), GET only. An unknown, malformed or revoked
 * token gets a plain 404, the same for every case; the calendar comes as {@code text/calendar}, never cached by a
 * shared cache, with no referrer sent on.
 */
@WebServlet("/public/agenda/*")
public class AgendaFeedServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String SUFFIX = ".ics";

    @EJB
    private AgendaFeed feed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<CalendarFile> file = Optional.empty();
        if (path != null && path.startsWith("/") && path.endsWith(SUFFIX)) {
            file = feed.read(path.substring(1, path.length() - SUFFIX.length()));
        }
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = file.get().content();
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"" + file.get().name() + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
