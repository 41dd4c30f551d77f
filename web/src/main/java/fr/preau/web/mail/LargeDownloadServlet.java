package fr.preau.web.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import fr.preau.mail.largefile.LargeFileDownloads;
import fr.preau.mail.largefile.LargeFileInfo;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the file of a download link, to whoever holds its token, as an attachment that the browser never
 * renders ({@code Content-Disposition: attachment}, {@code X-Content-Type-Options: nosniff}, a neutral type).
 * Each download is counted. Unknown or expired links go back to the download page, which explains in French.
 */
@WebServlet("/public/telechargement/fichier")
public class LargeDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private LargeFileDownloads downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String token = request.getParameter("jeton");
        Optional<LargeFileInfo> info = downloads.find(token);
        Optional<Path> file = info.isEmpty() || info.get().expired() ? Optional.empty() : downloads.download(token);
        if (file.isEmpty()) {
            request.getRequestDispatcher("/public/telechargement.xhtml").forward(request, response);
            return;
        }
        String name = info.get().fileName();
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLengthLong(Files.size(file.get()));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file.get(), out);
        }
    }
}
