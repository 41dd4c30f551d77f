package fr.preau.web.mail;

import java.io.IOException;

import fr.preau.mail.ReadingService;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A GET of the reading pane's companion requests: the message named by {@code dossier} and {@code uid} (always in
 * the caller's own mailbox, {@link ReadingService}), a service failure answered with a short French page.
 */
abstract class ReadingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private ReadingService reading;

    protected ReadingService reading() {
        return reading;
    }

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ReadingHttp.Target target = ReadingHttp.target(req, resp);
        if (target == null) {
            return;
        }
        try {
            serve(req, resp, target);
        } catch (RuntimeException e) {
            ReadingHttp.failed(req, resp, e);
        }
    }

    protected abstract void serve(HttpServletRequest req, HttpServletResponse resp, ReadingHttp.Target target)
            throws IOException;
}
