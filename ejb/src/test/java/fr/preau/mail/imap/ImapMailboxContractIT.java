package fr.preau.mail.imap;

import java.time.Duration;
import java.util.Properties;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MailboxContract;
import fr.preau.mail.MailFixture;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link MailboxContract} against {@link ImapMailbox}: the real Dovecot, in a real WildFly. */
@ExtendWith(ArquillianExtension.class)
class ImapMailboxContractIT implements MailboxContract {
    private static final String ME = "it.contrat";
    private static final String OTHER = "it.contrat.autre";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("mailbox-contract-it.war");
    }

    @Inject
    private Mailbox mailbox;

    @EJB
    private MailFixture fixture;

    private MailboxContext me;
    private MailboxContext other;

    @BeforeEach
    void mailboxes() throws Exception {
        me = context(ME, "Claire Contrat");
        other = context(OTHER, "Olivier Autre");
    }

    private MailboxContext context(String username, String name) throws Exception {
        MailAddress address = new MailAddress(username + "@" + TestEnv.domain(), name);
        fixture.ensureAccount(username, address.address(), name);
        fixture.resetMailbox(address.address());
        return new MailboxContext(address, address, MailboxContext.Kind.USER, null, null);
    }

    @Override
    public Mailbox mailbox() {
        return mailbox;
    }

    @Override
    public MailboxContext me() {
        return me;
    }

    @Override
    public MailboxContext other() {
        return other;
    }

    @Override
    public void deliver(MailboxContext ctx, FolderPath folder, String subject, String text, String attachment)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain(), "Sophie Bernard", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(ctx.owner().address()));
        m.setSubject(subject, "UTF-8");
        if (attachment == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setText(attachment, "UTF-8");
            file.setFileName("piece.txt");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            m.setContent(new MimeMultipart(body, file));
        }
        m.saveChanges();
        try (ImapProbe imap = ImapProbe.asMaster(ctx.owner().address())) {
            imap.append(folder.name(), m);
        }
    }

    @Override
    public ClientSession openClientSession(MailboxContext ctx) throws Exception {
        ImapProbe session = ImapProbe.asMaster(ctx.owner().address());
        return new ClientSession() {
            @Override
            public boolean closedByServerWithin(Duration timeout) throws Exception {
                return session.awaitClosedByServer(timeout);
            }

            @Override
            public void close() throws Exception {
                if (session.store().isConnected()) {
                    session.close();
                }
            }
        };
    }
}
