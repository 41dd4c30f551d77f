package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceUnavailableException;
import fr.preau.testing.BigMailbox;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.Stack;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Folders and message actions against the real Dovecot, checked with a plain IMAP client (what Thunderbird sees):
 * the folder tree, flags and labels, delete, archive by year, empty the Corbeille, the quota, and a move
 * interrupted by Dovecot stopping that leaves every message in exactly one folder.
 */
@ExtendWith(ArquillianExtension.class)
class MessageActionsIT {
    private static final String USERNAME = "it.actions";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("actions-it.war");
    }

    @EJB
    private AsActionsUser user;

    @EJB
    private MessageActionService actions;

    @EJB
    private ReadingService reading;

    @EJB
    private FolderService folders;

    @EJB
    private MailFixture fixture;

    @EJB
    private ListFixture quotas;

    @EJB
    private ComposeFixture settings;

    @EJB
    private fr.preau.mail.imap.MoveJournal journal;

    private String address;

    @BeforeEach
    void emptyMailbox() throws Exception {
        address = USERNAME + "@" + TestEnv.domain();
        fixture.ensureAccount(USERNAME, address, "Adèle Actions");
        quotas.standardQuota(USERNAME);
        quotas.clearSettings(USERNAME);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            for (String name : List.of("INBOX", "Corbeille")) {
                imap.empty(name);
            }
            for (Folder f : imap.store().getDefaultFolder().list("*")) {
                String n = f.getFullName();
                if (n.startsWith("Archives/") || List.of("Projets", "Voyages", "Projets 2026", "Déménagement",
                        "Destination").contains(n)) {
                    if (f.exists()) {
                        f.delete(true);
                    }
                }
            }
        }
    }

    @Test
    void foldersAreCreatedRenamedMovedAndDeletedTheirMailGoingToTheCorbeille() throws Exception {
        FolderPath projets = as(() -> folders.create(null, "Projets"));
        FolderPath sorties = as(() -> folders.create(projets, "Sorties"));
        assertEquals("Projets/Sorties", sorties.name());
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append(sorties.name(), mail("Musée", 2025), mail("Théâtre", 2025), mail("Cinéma", 2024));
        }
        as(() -> {
            folders.setColour(projets, "#1565C0");
            return null;
        });

        FolderPath voyages = as(() -> folders.rename(sorties, "Voyages"));
        assertEquals("Projets/Voyages", voyages.name());
        FolderPath top = as(() -> folders.move(voyages, null));
        assertEquals("Voyages", top.name());
        FolderPath renamedProjets = as(() -> folders.rename(projets, "Projets 2026"));
        assertEquals("#1565c0", as(() -> folders.colours()).get("Projets 2026"), "the colour follows a rename");
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("Musée", "Théâtre", "Cinéma"), imap.subjects("Voyages"));
            assertTrue(imap.store().getFolder("Voyages").isSubscribed(), "Thunderbird sees it (subscribed)");
        }

        assertEquals("mail.folder.error.empty", invalid(() -> folders.create(null, "  ")));
        assertEquals("mail.folder.error.chars", invalid(() -> folders.create(null, "a/b")));
        assertEquals("mail.folder.error.exists", invalid(() -> folders.create(null, "Voyages")));
        assertEquals("mail.folder.error.special", invalid(() -> folders.rename(FolderPath.INBOX, "Boîte")));
        assertEquals("mail.folder.error.special", invalid(() -> folders.delete(new FolderPath("Corbeille"))));
        assertEquals("mail.folder.error.intoItself", invalid(() -> folders.move(renamedProjets, renamedProjets)));

        assertEquals(3, (int) as(() -> folders.messageCount(top)));
        assertEquals(3, (int) as(() -> folders.delete(top)));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertFalse(imap.store().getFolder("Voyages").exists());
            List<String> trash = imap.subjects("Corbeille");
            for (String s : List.of("Musée", "Théâtre", "Cinéma")) {
                assertEquals(1, trash.stream().filter(s::equals).count(), s + " once in the Corbeille");
            }
        }
        as(() -> folders.delete(renamedProjets));
    }

    @Test
    void flagsLabelsDeleteArchiveByYearAndEmptyTheCorbeille() throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", mail("Rentrée 2024", 2024), mail("Bilan 2025", 2025), mail("À jeter", 2025),
                    mail("À garder", 2025));
        }
        Map<String, MessageUid> uid = new HashMap<>();
        for (ListedMessage m : as(() -> actions.page(FolderPath.INBOX, MessageSort.DATE, true, 0, 50)).rows()) {
            uid.put(m.summary().subject(), m.summary().uid());
        }
        List<MessageUid> kept = List.of(uid.get("À garder"));
        as(() -> {
            actions.markSeen(FolderPath.INBOX, kept, true);
            actions.markFlagged(FolderPath.INBOX, kept, true);
            actions.label(FolderPath.INBOX, kept, "pedagogie", true);
            return null;
        });
        assertEquals("mail.label.error.unknown", invalid(() -> {
            actions.label(FolderPath.INBOX, kept, "inconnue", true);
            return null;
        }));
        MailLabel own = as(() -> actions.addLabel("Conseil d'école", "#2e7d32"));
        assertEquals("conseil_d_ecole", own.keyword());
        as(() -> {
            actions.label(FolderPath.INBOX, kept, own.keyword(), true);
            return null;
        });
        assertEquals("mail.label.error.exists", invalid(() -> actions.addLabel("conseil d'ecole", "#2e7d32")));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Flags flags = flagsOf(imap, "INBOX", "À garder");
            assertTrue(flags.contains(Flags.Flag.SEEN) && flags.contains(Flags.Flag.FLAGGED), flags.toString());
            assertTrue(Arrays.asList(flags.getUserFlags()).containsAll(List.of("pedagogie", "conseil_d_ecole")),
                    "keywords a client sees: " + Arrays.toString(flags.getUserFlags()));
        }
        ListedMessage row = as(() -> actions.page(FolderPath.INBOX, MessageSort.DATE, true, 0, 50)).rows().stream()
                .filter(m -> m.summary().subject().equals("À garder")).findFirst().orElseThrow();
        assertTrue(row.keywords().contains("pedagogie") && row.summary().flagged() && row.summary().seen());

        assertEquals(2, (int) as(() -> actions.archive(FolderPath.INBOX,
                List.of(uid.get("Rentrée 2024"), uid.get("Bilan 2025")))));
        assertEquals(1, (int) as(() -> actions.delete(FolderPath.INBOX, List.of(uid.get("À jeter")))));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("Rentrée 2024"), imap.subjects("Archives/2024"));
            assertEquals(List.of("Bilan 2025"), imap.subjects("Archives/2025"));
            assertEquals(List.of("À jeter"), imap.subjects("Corbeille"));
            assertEquals(List.of("À garder"), imap.subjects("INBOX"));
        }
        FolderPath trash = new FolderPath("Corbeille");
        MessageUid inTrash = as(() -> actions.page(trash, MessageSort.DATE, true, 0, 10)).rows().get(0).summary()
                .uid();
        assertEquals("mail.delete.error.inTrash", invalid(() -> actions.delete(trash, List.of(inTrash))));
        assertEquals("mail.selection.empty", invalid(() -> actions.delete(FolderPath.INBOX, List.of())));
        assertEquals(1, (int) as(() -> actions.emptyTrash()));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of(), imap.subjects("Corbeille"));
            assertEquals(List.of("À garder"), imap.subjects("INBOX"));
        }
    }

    @Test
    void theConversationViewGroupsAThreadAndActionsReachAllOfIt() throws Exception {
        MimeMessage first = mail("Sortie au musée", 2025);
        first.setHeader("Message-ID", "<sortie-" + System.nanoTime() + "@ac-preau.fr>");
        MimeMessage other = mail("Cantine", 2025);
        MimeMessage reply = mail("Re: Sortie au musée", 2025);
        reply.setHeader("In-Reply-To", first.getMessageID());
        reply.setHeader("References", first.getMessageID());
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", first, other, reply);
        }
        ListPage threads = as(() -> actions.conversations(FolderPath.INBOX, 0, 50));
        assertEquals(2, threads.total());
        ListedMessage newest = threads.rows().get(0);
        assertEquals("Re: Sortie au musée", newest.summary().subject());
        assertEquals(2, newest.thread().size());
        assertEquals(1, threads.rows().get(1).thread().size());

        assertEquals(2, (int) as(() -> actions.delete(FolderPath.INBOX, newest.thread())));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("Cantine"), imap.subjects("INBOX"));
        }
        as(() -> {
            actions.setConversationView(true);
            return null;
        });
        assertTrue(as(() -> actions.conversationView()));
        as(() -> {
            actions.setConversationView(false);
            return null;
        });
        assertFalse(as(() -> actions.conversationView()));
    }

    @Test
    void theQuotaComesFromGetQuotaRootWithTheLargestFolders() throws Exception {
        quotas.quota(USERNAME, "it-1mo", 1);
        try {
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                MimeMessage big = mail("Pièce jointe volumineuse", 2025);
                big.setText(("x".repeat(79) + "\n").repeat(10_600), "UTF-8");
                big.saveChanges();
                imap.append("INBOX", big);
            }
            QuotaInfo quota = as(() -> folders.quota());
            assertEquals(1024, quota.limitKb());
            assertTrue(quota.percent() >= 80 && quota.percent() < 100, "percent " + quota.percent());
            assertEquals("INBOX", quota.largest().get(0).path().name());
            assertTrue(quota.largest().get(0).bytes() > 800 * 1024);
        } finally {
            quotas.standardQuota(USERNAME);
        }
    }

    /**
     * The mail page's first render over one connection (LIST-STATUS, GETQUOTAROOT, SORT): the folder tree with the
     * counts of an accented sub-folder, the quota with its largest folder, and the same first page as on its own.
     */
    @Test
    void theOverviewGivesTheTreeWithCountsTheQuotaAndTheFirstPage() throws Exception {
        FolderPath projets = as(() -> folders.create(null, "Projets"));
        FolderPath eleves = as(() -> folders.create(projets, "Élèves de 3ème"));
        quotas.quota(USERNAME, "it-1mo", 1);
        try {
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                imap.append(eleves.name(), mail("Sortie au musée", 2025), mail("Brevet blanc", 2026));
                imap.append("INBOX", mail("Réunion", 2024), mail("Cantine", 2025), mail("Conseil", 2026));
            }
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                Folder f = imap.store().getFolder(eleves.name());
                f.open(Folder.READ_WRITE);
                f.getMessage(1).setFlag(Flags.Flag.SEEN, true);
                f.close(false);
            }
            MailboxOverview overview = as(() -> actions.overview(FolderPath.INBOX, MessageSort.DATE, true, false, 2));
            FolderInfo sub = overview.folders().stream().filter(f -> f.path().equals(eleves)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + eleves.name() + " in " + overview.folders()));
            assertEquals("Élèves de 3ème", sub.label());
            assertEquals(1, sub.depth());
            assertEquals(2, sub.total());
            assertEquals(1, sub.unread());
            FolderInfo inbox = overview.folders().get(0);
            assertEquals(SpecialUse.INBOX, inbox.use());
            assertEquals(3, inbox.total());
            assertEquals(3, inbox.unread());
            assertEquals(as(() -> folders.quota()), overview.quota(), "the same quota as read on its own");
            assertEquals(1024, overview.quota().limitKb());
            assertEquals("INBOX", overview.quota().largest().get(0).path().name());

            ListPage alone = as(() -> actions.page(FolderPath.INBOX, MessageSort.DATE, true, 0, 2));
            assertEquals(3, overview.firstPage().total());
            assertEquals(alone, overview.firstPage());
            assertEquals(List.of("Conseil", "Cantine"),
                    overview.firstPage().rows().stream().map(r -> r.summary().subject()).toList());
        } finally {
            quotas.standardQuota(USERNAME);
        }
    }

    /**
     * A link to a message (a search result): the message opens, marked read, with the page around it over the same
     * connection; the folder's unread count already leaves it out. A message gone meanwhile is named, the page shown.
     */
    @Test
    void aLinkedMessageOpensWithThePageAroundIt() throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", mail("Réunion", 2024), mail("Cantine", 2025));
        }
        MessageUid cantine = uids(FolderPath.INBOX).get(1);
        OpenedOverview opened = as(() -> reading.openWithOverview(FolderPath.INBOX, cantine, MessageSort.ARRIVAL,
                true, false, 50));
        assertEquals("Cantine", opened.message().summary().subject());
        assertTrue(opened.message().text().contains("Cantine"));
        assertEquals(1, opened.overview().folders().get(0).unread(), "the opened message is read");
        assertEquals(List.of("Cantine", "Réunion"),
                opened.overview().firstPage().rows().stream().map(r -> r.summary().subject()).toList());

        MessageUid gone = new MessageUid(cantine.uidValidity(), cantine.uid() + 100);
        OpenedOverview missing = as(() -> reading.openWithOverview(FolderPath.INBOX, gone, MessageSort.ARRIVAL,
                true, false, 50));
        assertEquals(null, missing.message());
        assertTrue(missing.openFailure() instanceof fr.preau.shared.NotFoundException, missing.toString());
        assertEquals(2, missing.overview().firstPage().total());
    }

    /**
     * Dovecot stops while 4,000 messages are being moved: the move fails with a clear "unavailable", and
     * afterwards every message is in exactly one of the two folders; moving the rest again completes the move.
     */
    @Test
    void aMoveInterruptedByDovecotStoppingLeavesEachMessageExactlyOnce() throws Exception {
        moveInterruptedBy("TERM");
    }

    /**
     * The same move with Dovecot killed outright (KILL): a Maildir MOVE copies, then expunges, so a message may be
     * in both folders for a moment; the journal entry of the command lets the next mail page remove the source's
     * copy (ADR 0022), and each message is then in exactly one folder.
     */
    @Test
    void aMoveCutOffByDovecotBeingKilledLeavesEachMessageOnceAfterTheNextPage() throws Exception {
        moveInterruptedBy("KILL");
    }

    private void moveInterruptedBy(String signal) throws Exception {
        int count = 4_000;
        FolderPath from = as(() -> folders.create(null, "Déménagement"));
        FolderPath to = as(() -> folders.create(null, "Destination"));
        BigMailbox.seed(address, from.name(), count, 7L);
        List<MessageUid> all = uids(from);
        assertEquals(count, all.size());

        // One UID per command makes the move last long enough to be stopped in the middle; the watcher signs in
        // before the move starts, so on a fast machine it does not miss it.
        settings.setting(fr.preau.mail.imap.MessageOperations.MOVE_BATCH, "1");
        CompletableFuture<Integer> move;
        try (ImapProbe watcher = ImapProbe.asMaster(address)) {
            Folder target = watcher.store().getFolder(to.name());
            move = CompletableFuture.supplyAsync(() -> {
                try {
                    return user.call(() -> actions.move(from, all, to));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (target.getMessageCount() == 0 && System.nanoTime() < deadline && !move.isDone()) {
                Thread.onSpinWait();
            }
        }
        stopDovecotMidCommand(signal);
        try {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> move.get(2, TimeUnit.MINUTES),
                    "the move was under way when Dovecot stopped");
            assertTrue(rootIs(failure, ServiceUnavailableException.class), failure.toString());
        } finally {
            settings.setting(fr.preau.mail.imap.MessageOperations.MOVE_BATCH, null);
            Stack.startAgain();
        }
        // The next mail page repairs what the stop cut off.
        as(() -> actions.overview(FolderPath.INBOX, MessageSort.DATE, true, false, 10));
        assertTrue(journal.pending(address).isEmpty(), "the journal is empty once repaired");

        Map<String, Integer> where = new HashMap<>();
        int moved = countIds(to.name(), where);
        int left = countIds(from.name(), where);
        assertEquals(count, where.size(), "every message is somewhere");
        assertTrue(where.values().stream().allMatch(n -> n == 1), "no message twice");
        assertTrue(moved > 0 && left > 0, "interrupted in the middle: moved " + moved + ", left " + left);

        List<MessageUid> rest = uids(from);
        assertEquals(left, (int) as(() -> actions.move(from, rest, to)));
        where.clear();
        assertEquals(count, countIds(to.name(), where));
        assertEquals(0, countIds(from.name(), where));
        assertTrue(where.values().stream().allMatch(n -> n == 1));
    }

    /**
     * What a Maildir MOVE cut off between its two halves leaves, built by hand: the destination holds copies of two
     * of the three messages, the source still holds all three, and the command's journal entry says so. The next
     * mail page removes exactly the two copies from the source (ADR 0022).
     */
    @Test
    void aMoveCutOffBetweenCopyAndExpungeIsRepairedAtTheNextPage() throws Exception {
        FolderPath from = as(() -> folders.create(null, "Déménagement"));
        FolderPath to = as(() -> folders.create(null, "Destination"));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append(from.name(), mail("Copié", 2025), mail("Copié aussi", 2025), mail("Pas encore copié", 2025));
            imap.append(to.name(), mail("Déjà là", 2024));
        }
        List<MessageUid> moving = uids(from);
        long destValidity;
        long destNext;
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            IMAPFolder dest = (IMAPFolder) imap.store().getFolder(to.name());
            dest.open(Folder.READ_ONLY);
            destValidity = dest.getUIDValidity();
            destNext = dest.getUIDNext();
            dest.close(false);
            IMAPFolder src = (IMAPFolder) imap.store().getFolder(from.name());
            src.open(Folder.READ_ONLY);
            src.copyMessages(src.getMessagesByUID(new long[] {moving.get(0).uid(), moving.get(1).uid()}), dest);
            src.close(false);
        }
        long entry = journal.begin(address, from.name(), moving.get(0).uidValidity(),
                moving.stream().mapToLong(MessageUid::uid).toArray(), to.name(), destValidity, destNext);
        journal.interrupted(entry);

        as(() -> actions.overview(FolderPath.INBOX, MessageSort.DATE, true, false, 10));

        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("Pas encore copié"), imap.subjects(from.name()));
            assertEquals(List.of("Déjà là", "Copié", "Copié aussi"), imap.subjects(to.name()));
        }
        assertTrue(journal.pending(address).isEmpty());
        as(() -> actions.overview(FolderPath.INBOX, MessageSort.DATE, true, false, 10));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("Pas encore copié"), imap.subjects(from.name()), "a second page changes nothing");
        }
    }

    /** An ordinary move leaves no journal entry behind. */
    @Test
    void aMoveThatEndsLeavesNoJournalEntry() throws Exception {
        FolderPath to = as(() -> folders.create(null, "Destination"));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", mail("Réunion", 2025));
        }
        assertEquals(1, (int) as(() -> actions.move(FolderPath.INBOX, uids(FolderPath.INBOX), to)));
        assertTrue(journal.pending(address).isEmpty());
    }

    /**
     * A signal (TERM, KILL) to Dovecot's master and to every process it started at once, as
     * {@code systemctl stop dovecot} does (the whole control group). TERM to the master alone is not enough: it lets
     * an imap process that is serving a client go on for about 30 s, so a move shorter than that would finish.
     */
    private static void stopDovecotMidCommand(String signal) throws Exception {
        long pid = Long.parseLong(java.nio.file.Files.readString(
                java.nio.file.Path.of(TestEnv.get("PREAU_HOME"), "dovecot", "run", "master.pid")).trim());
        ProcessHandle master = ProcessHandle.of(pid).orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        master.descendants().forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        master.onExit().get(30, TimeUnit.SECONDS);
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Counts the Message-IDs of a folder into {@code where}; returns the folder's size. */
    private int countIds(String folder, Map<String, Integer> where) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder f = imap.store().getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                Message[] messages = f.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                f.fetch(messages, profile);
                for (Message m : messages) {
                    where.merge(((MimeMessage) m).getMessageID(), 1, Integer::sum);
                }
                return messages.length;
            } finally {
                f.close(false);
            }
        }
    }

    private List<MessageUid> uids(FolderPath folder) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder f = imap.store().getFolder(folder.name());
            f.open(Folder.READ_ONLY);
            try {
                Message[] messages = f.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                f.fetch(messages, profile);
                long validity = ((UIDFolder) f).getUIDValidity();
                List<MessageUid> result = new ArrayList<>();
                for (Message m : messages) {
                    result.add(new MessageUid(validity, ((UIDFolder) f).getUID(m)));
                }
                return result;
            } finally {
                f.close(false);
            }
        }
    }

    private Flags flagsOf(ImapProbe imap, String folder, String subject) throws Exception {
        Folder f = imap.store().getFolder(folder);
        f.open(Folder.READ_ONLY);
        try {
            for (Message m : f.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    return m.getFlags();
                }
            }
            throw new AssertionError("no message " + subject);
        } finally {
            f.close(false);
        }
    }

    private MimeMessage mail(String subject, int year) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("nadia.haddad@" + TestEnv.domain(), "Nadia Haddad", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour,\n" + subject + "\n", "UTF-8");
        m.setSentDate(Date.from(java.time.ZonedDateTime.of(year, 6, 15, 10, 0, 0, 0,
                java.time.ZoneId.of("Europe/Paris")).toInstant()));
        m.saveChanges();
        return m;
    }

    private <T> T as(java.util.concurrent.Callable<T> work) throws Exception {
        return user.call(work);
    }

    private String invalid(java.util.concurrent.Callable<?> work) {
        return assertThrows(InvalidInputException.class, () -> as(work)).messageKey();
    }
}
