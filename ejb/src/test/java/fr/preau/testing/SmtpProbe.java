package fr.preau.testing;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A plain SMTP submission client (Jakarta Mail, none of Préau's code), as Thunderbird sends. */
public final class SmtpProbe {
    private SmtpProbe() {
    }

    /**
     * "Nothing more arrives" without a fixed wait: sends a message to {@code address} as the address itself (master
     * login) and waits until it is in its INBOX. Whatever Postfix accepted for that mailbox before has been delivered
     * by then. Returns the witness's subject.
     */
    public static String witness(String address, Duration wait) throws Exception {
        String subject = "Témoin " + UUID.randomUUID();
        submit(address + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"), address,
                address, address, subject);
        try (ImapProbe inbox = ImapProbe.asMaster(address)) {
            if (inbox.awaitSubject("INBOX", subject, wait) != 1) {
                throw new AssertionError("the witness did not arrive in " + address + " within " + wait);
            }
        }
        return subject;
    }

    /** Sends a short message from {@code login} to {@code to}, authenticated with {@code password}. */
    public static void submit(String login, String password, String to, String subject) throws MessagingException {
        submit(login, password, login, to, subject);
    }

    /** Sends a short message with this From (which Postfix may refuse: 553), authenticated as {@code login}. */
    public static void submit(String login, String password, String from, String to, String subject)
            throws MessagingException {
        submit(login, password, from, from, to, subject);
    }

    /**
     * Sends a short message whose envelope sender ({@code MAIL FROM}, {@code "<>"} for the null sender) differs from
     * its {@code From:} header, authenticated as {@code login}.
     */
    public static void submit(String login, String password, String envelopeFrom, String from, String to,
            String subject) throws MessagingException {
        submit(login, password, envelopeFrom, from, new InternetAddress[] {new InternetAddress(to)}, subject);
    }

    /** A send the servers must refuse: the text of the refusal, every answer of the exception's chain. */
    public static String refusal(org.junit.jupiter.api.function.Executable send) {
        MessagingException e = org.junit.jupiter.api.Assertions.assertThrows(MessagingException.class, send);
        StringBuilder text = new StringBuilder();
        Exception x = e;
        while (x != null) {
            text.append(x.getMessage()).append('\n');
            x = x instanceof MessagingException next ? next.getNextException() : null;
        }
        return text.toString();
    }

    /** Sends one short message to all of {@code to} (the same address may come several times, as RCPT commands). */
    public static void submit(String login, String password, String envelopeFrom, String from, InternetAddress[] to,
            String subject) throws MessagingException {
        submit(login, password, envelopeFrom, from, null, to, subject);
    }

    /**
     * Sends a short message on behalf of {@code owner} (envelope sender and {@code From:}) with the {@code Sender:}
     * header {@code sender}, authenticated as {@code login}.
     */
    public static void submitOnBehalf(String login, String password, String owner, String sender, String to,
            String subject) throws MessagingException {
        submit(login, password, owner, owner, sender, new InternetAddress[] {new InternetAddress(to)}, subject);
    }

    private static void submit(String login, String password, String envelopeFrom, String from, String sender,
            InternetAddress[] to, String subject) throws MessagingException {
        Session session = submissionSession(envelopeFrom, null);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", TestEnv.port("PREAU_SUBMISSION_PORT"), login, password);
            transport.sendMessage(message(session, from, sender, to, subject), to);
        }
    }

    /**
     * Sends {@code count} short messages from {@code from} to {@code to} over ONE authenticated submission
     * connection (one {@code Transport}, a {@code sendMessage} each, as a mail client empties its outbox), subjects
     * {@code subject + " " + i} (i from 1); the first refused one throws, naming Postfix's answer. From
     * {@code localAddress} when not null (127.0.0.2: a mail client that is not the portal, over STARTTLS as such a
     * client must), else from the portal's address.
     */
    public static void submitEach(String localAddress, String login, String password, String from, String to,
            String subject, int count) throws MessagingException {
        Session session = submissionSession(from, localAddress);
        InternetAddress[] recipients = {new InternetAddress(to)};
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", TestEnv.port("PREAU_SUBMISSION_PORT"), login, password);
            for (int i = 1; i <= count; i++) {
                transport.sendMessage(message(session, from, null, recipients, subject + " " + i), recipients);
            }
        }
    }

    private static Session submissionSession(String envelopeFrom, String localAddress) {
        Properties props = new Properties();
        if (localAddress != null) {
            // Not the portal's address: Dovecot wants TLS before a password (the local certificate is self-signed).
            props.put("mail.smtp.localaddress", localAddress);
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.trust", "*");
        }
        props.put("mail.smtp.from", envelopeFrom);
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        return Session.getInstance(props);
    }

    private static MimeMessage message(Session session, String from, String sender, InternetAddress[] to,
            String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        if (sender != null) {
            m.setSender(new InternetAddress(sender));
        }
        m.setRecipients(MimeMessage.RecipientType.TO, to.length == 1 ? to : new InternetAddress[] {to[0]});
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour", "UTF-8");
        return m;
    }

    /**
     * Sends a short message from outside the academy to inbound SMTP ({@code PREAU_SMTP_PORT}, no authentication),
     * as another mail server delivers it.
     */
    public static void sendFromOutside(String to, String subject) throws MessagingException {
        sendFromOutside("parent.eleve@exemple.org", to, subject);
    }

    /** As {@link #sendFromOutside(String, String)}, with this envelope sender and {@code From:}. */
    public static void sendFromOutside(String sender, String to, String subject) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.from", sender);
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(sender));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour", "UTF-8");
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", TestEnv.port("PREAU_SMTP_PORT"), null, null);
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
