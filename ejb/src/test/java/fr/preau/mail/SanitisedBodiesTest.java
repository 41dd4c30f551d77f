package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import fr.preau.mail.html.MailHtmlSanitizer;
import org.junit.jupiter.api.Test;

class SanitisedBodiesTest {
    private static final String HTML = "<p onclick=\"x()\">Bonjour</p><img src=\"cid:logo@ecole\">"
            + "<img src=\"https://tracker.example/p.gif\"><script>alert(1)</script>";
    private static final ParsedMessage PARSED = new ParsedMessage(null, HTML, "Bonjour", List.of(),
            Map.of("logo@ecole", "r.0.1"), List.of());
    private static final MailAddress ME = new MailAddress("lea.lecteur@ac-preau.fr", null);
    private static final MailboxContext CTX = new MailboxContext(ME, ME, MailboxContext.Kind.USER, null, null);

    @Test
    void aMessageIsSanitisedOnceAndItsImagesPointWhereTheRequestSays() {
        SanitisedBodies bodies = new SanitisedBodies();
        MessageUid uid = new MessageUid(7, 42);
        MailHtmlSanitizer.Result first = bodies.sanitised(CTX, FolderPath.INBOX, uid, PARSED, false);
        assertSame(first, bodies.sanitised(CTX, FolderPath.INBOX, uid, PARSED, false), "the frame reuses the pass");
        assertEquals(1, first.blockedImages());

        String prefix = "/portail/mail/piece-jointe?dossier=INBOX&uid=7-42&inline=1&partie=";
        MailHtmlSanitizer.Result direct = MailHtmlSanitizer.sanitize(HTML, false,
                cid -> "r.0.1".equals(PARSED.contentIds().get(cid)) ? prefix + "r.0.1" : null);
        assertEquals(direct.html(), SanitisedBodies.withPartUrls(first.html(), prefix),
                "the same HTML as sanitising with the request's addresses");
    }

    @Test
    void anotherMailboxOrTheRemoteImagesChoiceIsAnotherEntry() {
        SanitisedBodies bodies = new SanitisedBodies();
        MessageUid uid = new MessageUid(7, 42);
        MailAddress other = new MailAddress("victor.voisin@ac-preau.fr", null);
        MailHtmlSanitizer.Result mine = bodies.sanitised(CTX, FolderPath.INBOX, uid, PARSED, false);
        assertNotSame(mine, bodies.sanitised(new MailboxContext(other, other, MailboxContext.Kind.USER, null, null),
                FolderPath.INBOX, uid, PARSED, false));
        MailHtmlSanitizer.Result remote = bodies.sanitised(CTX, FolderPath.INBOX, uid, PARSED, true);
        assertEquals(0, remote.blockedImages());
    }
}
