package fr.preau.web.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import fr.preau.mail.FolderPath;
import fr.preau.mail.export.ExportFormat;
import fr.preau.mail.export.ExportService;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Downloads a folder: {@code /mail/export?dossier=INBOX&format=mbox|zip[&jeton=…]}. The file is written as it is
 * fetched (ExportService, batches of UID FETCH), with {@code Content-Disposition: attachment}; the caller's own
 * mailbox only (the EJB derives it from the signed-in user). A failure before the first byte shows the error page;
 * after it, the connection is cut so that the browser reports a failed download rather than a truncated file.
 */
@WebServlet("/mail/export")
public class ExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @EJB
    private ExportService exports;

    @Inject
    private ExportProgress progress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FolderPath folder;
        try {
            folder = new FolderPath(request.getParameter("dossier"));
        } catch (IllegalArgumentException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportFormat format = "zip".equals(request.getParameter("format")) ? ExportFormat.EML_ZIP : ExportFormat.MBOX;
        String token = request.getParameter("jeton");
        String session = request.getSession().getId();
        boolean tracked = token != null && TOKEN.matcher(token).matches();
        OutputStream out = response.getOutputStream();
        try {
            exports.export(folder, format, out, () -> headers(response, folder, format),
                    (done, total) -> {
                        if (tracked) {
                            progress.update(session, token, done, total);
                        }
                    });
            if (tracked) {
                progress.finish(session, token, false);
            }
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (ServiceUnavailableException | IOException e) {
            if (tracked) {
                progress.finish(session, token, true);
            }
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            LOG.log(Level.WARNING, "Export of " + folder.name() + " interrupted", e);
            throw new IOException("Export interrupted", e);
        }
    }

    private static void headers(HttpServletResponse response, FolderPath folder, ExportFormat format) {
        String name = folder.name().replace('/', '-') + format.extension();
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
    }
}
