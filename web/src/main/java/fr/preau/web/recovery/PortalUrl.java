package fr.preau.web.recovery;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's public address for links mailed by the portal: {@code PREAU_PORTAL_URL} when set (a reset link must
 * not follow a forged Host header), else the address of the current request.
 */
final class PortalUrl {
    private PortalUrl() {
    }

    static String base() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String configured = System.getenv("PREAU_PORTAL_URL");
        String root = configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "")
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return root + request.getContextPath();
    }
}
