package fr.preau.mail.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailFixture;
import fr.preau.mail.export.ExportFormat;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export of a folder, in a real WildFly against the real Dovecot: the 20,000-message INBOX as mbox is written while
 * it is fetched (bytes reach the output long before the last batch), one "From " line per message; a folder as a zip
 * holds one .eml per message, byte for byte what IMAP keeps.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {
    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("export-it.war");
    }

    @EJB
    private AsSearchUser user;

    @EJB
    private MailFixture fixture;

    @Test
    void aTwentyThousandMessageFolderIsStreamedAsMboxOneBatchAtATime() throws Exception {
        String address = AsSearchUser.USERNAME + "@" + TestEnv.domain();
        fixture.ensureAccount(AsSearchUser.USERNAME, address, "Claude Recherche");
        BigInbox.ensure(address);
        int inFolder = user.count(FolderPath.INBOX);

        SeparatorCounter out = new SeparatorCounter();
        List<long[]> progress = new ArrayList<>();
        int written = user.export(FolderPath.INBOX, ExportFormat.MBOX, out,
                (done, total) -> progress.add(new long[] {done, total, out.bytes}));

        assertEquals(inFolder, written);
        assertEquals(inFolder, out.separators, "one From line per message, none inside a message");
        assertTrue(progress.size() > 10, "progress after each batch: " + progress.size());
        long[] firstBatch = progress.get(1);
        assertTrue(firstBatch[0] > 0 && firstBatch[0] < inFolder && firstBatch[2] > 0,
                "the first batch is written out before the rest is fetched");
        assertTrue(firstBatch[2] < out.bytes / 10, "only a batch's bytes at a time");
        assertEquals(inFolder, progress.get(progress.size() - 1)[0]);
    }

    @Test
    void aFolderExportedAsZipHoldsEachMessageAsItsOwnEmlFile() throws Exception {
        String address = AsSearchUser.USERNAME + "@" + TestEnv.domain();
        fixture.ensureAccount(AsSearchUser.USERNAME, address, "Claude Recherche");
        String folder = "Export-zip";
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder f = imap.store().getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            imap.empty(folder);
            for (int i = 1; i <= 3; i++) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
                m.setFrom("collegue@exemple.fr");
                m.setSubject("Pièce " + i, "UTF-8");
                m.setText("From the start of the line " + i + "\néèà", "UTF-8");
                m.saveChanges();
                imap.append(folder, m);
            }
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        assertEquals(3, user.export(new FolderPath(folder), ExportFormat.EML_ZIP, zip, (d, t) -> { }));
        List<String> subjects = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertTrue(e.getName().endsWith(".eml"), e.getName());
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(in.readAllBytes()));
                subjects.add(m.getSubject());
                assertTrue(((String) m.getContent()).startsWith("From the start"), "not escaped in .eml");
            }
        }
        assertEquals(List.of("Pièce 1", "Pièce 2", "Pièce 3"), subjects);
    }

    /** Counts bytes and mbox separators ("From " at the start of a line) without keeping anything. */
    private static final class SeparatorCounter extends OutputStream {
        private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};
        private long bytes;
        private int separators;
        private int matched;
        private boolean lineStart = true;

        @Override
        public void write(int b) {
            bytes++;
            if (lineStart || matched > 0) {
                if (b == FROM[matched]) {
                    matched++;
                    if (matched == FROM.length) {
                        separators++;
                        matched = 0;
                    }
                } else {
                    matched = 0;
                }
            }
            lineStart = b == '\n';
        }
    }
}
