package fr.preau.web.mail;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;

import fr.preau.mail.largefile.LargeFileLink;
import fr.preau.mail.largefile.LargeFileService;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import fr.preau.web.shared.Formats;
import fr.preau.web.shared.PortalAddress;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Receives a large file in chunks (each well under the listener's request size limit), streamed from the request
 * straight to disk by {@link LargeFileService}: {@code POST ?etape=debut&nom=&taille=&type=}, then
 * {@code POST ?etape=morceau&id=&position=} with the raw bytes, then {@code POST ?etape=fin&id=}, which answers the
 * download link; {@code POST ?etape=annuler&id=} drops an upload the page gave up. A chunk refused because the user
 * already has as many arriving as the academy allows answers 429. Signed-in users only (web.xml); each request
 * carries the session's anti-forgery token in the {@value #CSRF_HEADER} header, which no other site can set.
 */
@WebServlet("/mail/grand-fichier")
public class LargeUploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CSRF_HEADER = "X-Preau-Jeton";
    private static final String CSRF_ATTRIBUTE = LargeUploadServlet.class.getName() + ".csrf";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @EJB
    private LargeFileService files;

    /** The session's anti-forgery token, created on first use. */
    static String csrfToken(HttpSession session) {
        synchronized (session) {
            String token = (String) session.getAttribute(CSRF_ATTRIBUTE);
            if (token == null) {
                byte[] raw = new byte[24];
                RANDOM.nextBytes(raw);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                session.setAttribute(CSRF_ATTRIBUTE, token);
            }
            return token;
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF_ATTRIBUTE);
        if (expected == null || !expected.equals(request.getHeader(CSRF_HEADER))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JsonObjectBuilder json = Json.createObjectBuilder();
        try {
            String step = String.valueOf(request.getParameter("etape"));
            switch (step) {
                case "debut" -> json.add("id", files.begin(request.getParameter("nom"),
                        number(request.getParameter("taille")), request.getParameter("type")));
                case "morceau" -> json.add("recu", files.append(number(request.getParameter("id")),
                        number(request.getParameter("position")), request.getInputStream()));
                case "annuler" -> {
                    files.cancel(number(request.getParameter("id")));
                    json.add("annule", true);
                }
                case "fin" -> {
                    LargeFileLink link = files.finish(number(request.getParameter("id")));
                    String url = PortalAddress.base() + "/public/telechargement.xhtml?jeton=" + link.token();
                    json.add("url", url).add("nom", link.fileName()).add("taille", new Formats().size(link.size()))
                            .add("expire", DAY.format(link.expiresAt().atZone(Formats.PARIS)));
                }
                default -> {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
            }
        } catch (InvalidInputException e) {
            response.setStatus("largefile.error.busy".equals(e.messageKey()) ? TOO_MANY_REQUESTS
                    : HttpServletResponse.SC_BAD_REQUEST);
            json = Json.createObjectBuilder().add("erreur", text(request, e.messageKey(), e.argument()));
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            json = Json.createObjectBuilder().add("erreur", text(request, e.messageKey(), null));
        } catch (ServiceUnavailableException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            json = Json.createObjectBuilder().add("erreur",
                    text(request, "error.unavailable." + e.component().name(), null));
        }
        response.getWriter().write(json.build().toString());
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("largeFile", "largefile.error.request", null);
        }
    }

    private static String text(HttpServletRequest request, String key, String argument) {
        ResourceBundle bundle = ResourceBundle.getBundle("fr.preau.web.messages", request.getLocale());
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return argument == null ? pattern : pattern.replace("{0}", argument);
    }
}
