package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Mailbox} port must do, whatever the store behind it (in the style of
 * Apache James' {@code *Contract} tests). An implementation's test implements the three hooks; the two mailboxes it
 * gives start empty (INBOX, with the special folders present).
 */
public interface MailboxContract {

    Mailbox mailbox();

    /** The context of a mailbox that holds what {@link #deliver} put there. */
    MailboxContext me();

    /** Another person's mailbox, never reached through {@link #me()}. */
    MailboxContext other();

    /** Opens a session on the context's mailbox as a mail client keeps one open (IMAP for Dovecot). */
    ClientSession openClientSession(MailboxContext ctx) throws Exception;

    /** A mail client's open session. */
    interface ClientSession extends AutoCloseable {
        /** Whether the server closed the session within {@code timeout} (false: it still answers). */
        boolean closedByServerWithin(Duration timeout) throws Exception;
    }

    /**
     * Puts a message into a folder of the context's mailbox, as delivery would: unread, with this subject, a text
     * body and, when {@code attachment} is not null, one attachment named {@code piece.txt} holding it.
     */
    void deliver(MailboxContext ctx, FolderPath folder, String subject, String text, String attachment)
            throws Exception;

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> subjects(MailboxContext ctx, FolderPath folder) {
        return mailbox().page(ctx, folder, MessageSort.ARRIVAL, true, 0, 200).rows().stream()
                .map(r -> r.summary().subject()).toList();
    }

    private MessageUid uidOf(MailboxContext ctx, FolderPath folder, String subject) {
        return mailbox().page(ctx, folder, MessageSort.ARRIVAL, true, 0, 200).rows().stream()
                .filter(r -> subject.equals(r.summary().subject())).findFirst().orElseThrow().summary().uid();
    }

    private int count(FolderPath folder, String subject) {
        return (int) subjects(me(), folder).stream().filter(subject::equals).count();
    }

    private FolderPath special(SpecialUse use) {
        return mailbox().folders(me()).stream().filter(f -> f.use() == use).findFirst().orElseThrow().path();
    }

    @Test
    default void endingTheSessionsClosesTheOwnersOpenSessionsOnly() throws Exception {
        try (ClientSession mine = openClientSession(me()); ClientSession others = openClientSession(other())) {
            assertTrue(mailbox().endSessions(me()) >= 1, "the owner's session was open");
            assertTrue(mine.closedByServerWithin(Duration.ofSeconds(10)), "closed by the server");
            assertFalse(others.closedByServerWithin(Duration.ZERO), "another person's session stays open");
        }
        assertEquals(1, mailbox().folders(me()).stream().filter(f -> f.use() == SpecialUse.INBOX).count(),
                "the port itself signs in again afterwards");
    }

    @Test
    default void theSpecialFoldersComeFirstInboxAtTheTop() {
        List<FolderInfo> folders = mailbox().folders(me());
        assertEquals(SpecialUse.INBOX, folders.get(0).use());
        assertTrue(folders.stream().map(FolderInfo::use).toList().containsAll(List.of(SpecialUse.DRAFTS,
                SpecialUse.SENT, SpecialUse.TRASH, SpecialUse.ARCHIVE)), folders.toString());
    }

    @Test
    default void theUsageCountsWhatIsStoredWithoutListingFolders() throws Exception {
        QuotaInfo before = mailbox().usage(me());
        deliver(me(), FolderPath.INBOX, "Volume " + run(), "Texte", "x".repeat(200_000));
        QuotaInfo after = mailbox().usage(me());
        assertTrue(after.limitKb() > 0, "the mailbox has a quota");
        assertTrue(after.usedKb() >= before.usedKb() + 190, before + " then " + after);
        assertEquals(List.of(), after.largest());
        assertEquals(after.usedKb(), mailbox().quota(me()).usedKb(), "the same storage as the quota with folders");
    }

    @Test
    default void aPageIsNewestFirstWithTheFolderTotal() throws Exception {
        String run = run();
        for (int i = 1; i <= 5; i++) {
            deliver(me(), FolderPath.INBOX, "Page " + run + " " + i, "Texte " + i, null);
        }
        ListPage page = mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 3);
        assertEquals(5, page.total());
        assertEquals(List.of("Page " + run + " 5", "Page " + run + " 4", "Page " + run + " 3"),
                page.rows().stream().map(r -> r.summary().subject()).toList());
        ListPage rest = mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 3, 3);
        assertEquals(List.of("Page " + run + " 2", "Page " + run + " 1"),
                rest.rows().stream().map(r -> r.summary().subject()).toList());
        MailboxOverview overview = mailbox().overview(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, false, 2);
        assertEquals(5, overview.firstPage().total());
        assertEquals(5, overview.folders().get(0).total());
        assertEquals(5, overview.folders().get(0).unread());
    }

    @Test
    default void openingShowsTheTextAndTheAttachmentAndMarksReadOnlyWhenAsked() throws Exception {
        String subject = "Ouverture " + run();
        deliver(me(), FolderPath.INBOX, subject, "Le conseil de classe aura lieu jeudi.", "Nom;Moyenne");
        MessageUid uid = uidOf(me(), FolderPath.INBOX, subject);

        OpenedMessage peeked = mailbox().open(me(), FolderPath.INBOX, uid, false);
        assertEquals(subject, peeked.summary().subject());
        assertTrue(peeked.parsed().text().contains("Le conseil de classe aura lieu jeudi."), peeked.parsed().text());
        assertFalse(mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 1).rows().get(0)
                .summary().seen(), "opened without marking it read");

        OpenedMessage opened = mailbox().open(me(), FolderPath.INBOX, uid, true);
        Attachment piece = opened.parsed().attachments().get(0);
        assertEquals("piece.txt", piece.name());
        assertTrue(mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 1).rows().get(0)
                .summary().seen());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mailbox().download(me(), FolderPath.INBOX, uid, piece.part(), part -> out);
        assertArrayEquals("Nom;Moyenne".getBytes(StandardCharsets.UTF_8), out.toByteArray());
        assertTrue(mailbox().headers(me(), FolderPath.INBOX, uid).stream().anyMatch(h -> h.contains(subject)));
    }

    @Test
    default void aMessageOpenedWithTheOverviewComesWithTheFirstPage() throws Exception {
        String subject = "Lien " + run();
        deliver(me(), FolderPath.INBOX, subject, "Par un lien", null);
        MessageUid uid = uidOf(me(), FolderPath.INBOX, subject);
        Mailbox.Opening opening = mailbox().openWithOverview(me(), FolderPath.INBOX, uid, MessageSort.ARRIVAL, true,
                false, 10);
        assertEquals(subject, opening.message().summary().subject());
        assertEquals(1, opening.overview().firstPage().total());

        Mailbox.Opening gone = mailbox().openWithOverview(me(), FolderPath.INBOX, new MessageUid(
                uid.uidValidity(), uid.uid() + 1000), MessageSort.ARRIVAL, true, false, 10);
        assertEquals(null, gone.message());
        assertTrue(gone.failure() instanceof NotFoundException, String.valueOf(gone.failure()));
        assertEquals(1, gone.overview().firstPage().total(), "the page is still shown");
    }

    @Test
    default void aMessageThatIsGoneIsNotFound() {
        assertThrows(NotFoundException.class, () -> mailbox().open(me(), FolderPath.INBOX,
                new MessageUid(1, 999_999), false));
    }

    @Test
    default void flagsAndKeywordsAreSetAndCleared() throws Exception {
        String subject = "Drapeaux " + run();
        deliver(me(), FolderPath.INBOX, subject, "x", null);
        List<MessageUid> uid = List.of(uidOf(me(), FolderPath.INBOX, subject));
        mailbox().flag(me(), FolderPath.INBOX, uid, MessageFlag.FLAGGED, true);
        mailbox().flag(me(), FolderPath.INBOX, uid, MessageFlag.SEEN, true);
        mailbox().keyword(me(), FolderPath.INBOX, uid, "$label1", true);
        ListedMessage row = mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 1).rows().get(0);
        assertTrue(row.summary().flagged());
        assertTrue(row.summary().seen());
        assertTrue(row.keywords().contains("$label1"), row.keywords().toString());

        mailbox().flag(me(), FolderPath.INBOX, uid, MessageFlag.FLAGGED, false);
        mailbox().keyword(me(), FolderPath.INBOX, uid, "$label1", false);
        row = mailbox().page(me(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 1).rows().get(0);
        assertFalse(row.summary().flagged());
        assertFalse(row.keywords().contains("$label1"));
    }

    @Test
    default void aMovedOrDeletedMessageExistsExactlyOnce() throws Exception {
        String run = run();
        FolderPath projects = mailbox().createFolder(me(), null, "Projets " + run);
        String kept = "Déplacé " + run;
        String binned = "Supprimé " + run;
        deliver(me(), FolderPath.INBOX, kept, "a", null);
        deliver(me(), FolderPath.INBOX, binned, "b", null);

        assertEquals(1, mailbox().move(me(), FolderPath.INBOX, List.of(uidOf(me(), FolderPath.INBOX, kept)),
                projects));
        assertEquals(0, count(FolderPath.INBOX, kept));
        assertEquals(List.of(kept), subjects(me(), projects));

        FolderPath trash = special(SpecialUse.TRASH);
        assertEquals(1, mailbox().delete(me(), FolderPath.INBOX, List.of(uidOf(me(), FolderPath.INBOX, binned))));
        assertEquals(0, count(FolderPath.INBOX, binned));
        assertEquals(1, count(trash, binned));
        mailbox().emptyTrash(me());
        assertEquals(0, count(trash, binned));

        assertEquals(1, mailbox().messageCount(me(), projects));
        assertEquals(1, mailbox().deleteFolder(me(), projects), "its message goes to the Corbeille");
        assertEquals(1, count(trash, kept));
        assertFalse(mailbox().folders(me()).stream().anyMatch(f -> f.path().equals(projects)));
    }

    @Test
    default void messagesDatedBeforeADayAreFoundAndArchivedUnderTheirYear() throws Exception {
        String subject = "Ancien " + run();
        deliver(me(), FolderPath.INBOX, subject, "Daté d'aujourd'hui", null);
        MessageUid uid = uidOf(me(), FolderPath.INBOX, subject);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertFalse(mailbox().sentBefore(me(), FolderPath.INBOX, today.minusDays(2)).contains(uid),
                "dated today: not before the day before yesterday");
        List<MessageUid> older = mailbox().sentBefore(me(), FolderPath.INBOX, today.plusDays(2));
        assertTrue(older.contains(uid), older.toString());
        assertTrue(mailbox().sentBefore(other(), FolderPath.INBOX, today.plusDays(2)).isEmpty(),
                "another mailbox is asked about its own messages");

        assertEquals(older.size(), mailbox().archive(me(), FolderPath.INBOX, older));
        assertTrue(mailbox().sentBefore(me(), FolderPath.INBOX, today.plusDays(2)).isEmpty());
        FolderPath year = new FolderPath(special(SpecialUse.ARCHIVE).name() + "/" + today.getYear());
        assertEquals(1, count(year, subject));
        assertEquals(0, count(FolderPath.INBOX, subject));
    }

    @Test
    default void foldersAreCreatedRenamedAndMovedAndBadNamesRefused() {
        String run = run();
        FolderPath parent = mailbox().createFolder(me(), null, "Classe " + run);
        FolderPath child = mailbox().createFolder(me(), null, "Sorties " + run);
        FolderPath renamed = mailbox().renameFolder(me(), child, "Voyages " + run);
        FolderPath moved = mailbox().moveFolder(me(), renamed, parent);
        List<FolderPath> paths = mailbox().folders(me()).stream().map(FolderInfo::path).toList();
        assertTrue(paths.contains(moved), paths.toString());
        assertFalse(paths.contains(child));
        assertThrows(InvalidInputException.class, () -> mailbox().createFolder(me(), null, ""));
        mailbox().deleteFolder(me(), parent);
    }

    @Test
    default void aContextReachesItsOwnMailboxOnly() throws Exception {
        String subject = "Privé " + run();
        deliver(me(), FolderPath.INBOX, subject, "Pour moi seulement", null);
        MessageUid uid = uidOf(me(), FolderPath.INBOX, subject);
        assertFalse(subjects(other(), FolderPath.INBOX).contains(subject));
        assertThrows(NotFoundException.class, () -> mailbox().open(other(), FolderPath.INBOX, uid, false));
    }

    @Test
    default void sharingCoversEveryFolderAndNewSubfoldersUntilItIsTakenBack() {
        String run = run();
        String grantee = other().owner().address();
        FolderPath before = mailbox().createFolder(me(), null, "Conseils " + run);
        try {
            int folders = mailbox().share(me(), grantee, FolderRights.READ);
            Map<FolderPath, FolderRights> shared = mailbox().sharedWith(me(), grantee);
            assertEquals(folders, shared.size());
            assertEquals(FolderRights.READ, shared.get(FolderPath.INBOX));
            assertEquals(FolderRights.READ, shared.get(before));
            assertEquals(FolderRights.READ, shared.get(special(SpecialUse.SENT)));

            FolderPath top = mailbox().createFolder(me(), null, "Projets " + run);
            FolderPath child = mailbox().createFolder(me(), before, "Trimestre " + run);
            shared = mailbox().sharedWith(me(), grantee);
            assertEquals(FolderRights.READ, shared.get(child), "a new subfolder gets its parent's: " + shared);

            mailbox().share(me(), grantee, FolderRights.READ_AND_FILE);
            assertEquals(FolderRights.READ_AND_FILE, mailbox().sharedWith(me(), grantee).get(FolderPath.INBOX));
            assertTrue(mailbox().sharedWith(other(), me().owner().address()).isEmpty(), "nothing the other way");

            assertEquals(folders + 2, mailbox().unshare(me(), grantee), "the second share covered both new ones");
            assertTrue(mailbox().sharedWith(me(), grantee).isEmpty());
            assertEquals(0, mailbox().unshare(me(), grantee), "a second time finds nothing");
            FolderPath after = mailbox().createFolder(me(), null, "Après " + run);
            assertFalse(mailbox().sharedWith(me(), grantee).containsKey(after));
            mailbox().deleteFolder(me(), top);
            mailbox().deleteFolder(me(), after);
        } finally {
            mailbox().unshare(me(), grantee);
            mailbox().deleteFolder(me(), before);
        }
    }

    @Test
    default void heldMessagesAreListedWithTheirPlainTextAndRemovedForGood() throws Exception {
        String subject = "Retenu " + run();
        deliver(me(), FolderPath.INBOX, subject, "Texte retenu", "pièce jointe");
        HeldMessage held = mailbox().held(me(), null).stream().filter(m -> subject.equals(m.subject())).findFirst()
                .orElseThrow();
        assertEquals("Texte retenu", held.preview(), "the text, not the attachment");
        assertTrue(held.from().contains("sophie.bernard@"), held.from());
        assertTrue(held.messageId() != null && held.messageId().startsWith("<"), held.messageId());
        assertTrue(mailbox().held(other(), null).stream().noneMatch(m -> subject.equals(m.subject())), "its own INBOX");

        mailbox().removeHeld(other(), List.of(held.uid()));
        assertEquals(1, count(FolderPath.INBOX, subject), "another mailbox's removal touches nothing here");
        mailbox().removeHeld(me(), List.of(held.uid()));
        assertEquals(0, count(FolderPath.INBOX, subject));
        assertEquals(0, count(special(SpecialUse.TRASH), subject), "deleted for good, not moved to the Corbeille");
        mailbox().removeHeld(me(), List.of(held.uid()));
    }

    @Test
    default void aCalendarMessageArrivesWithItsCalendarPartAndTheSameIcsAttached() throws Exception {
        String subject = "Invitation " + run();
        String ical = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Préau//Test//FR\r\nMETHOD:REQUEST\r\n"
                + "BEGIN:VEVENT\r\nUID:" + subject.replace(' ', '-') + "\r\nDTSTAMP:20261001T100000Z\r\n"
                + "DTSTART:20261020T150000Z\r\nSUMMARY:Conseil pédagogique\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        mailbox().sendCalendar(me(), List.of(other().owner().address()), subject, "Vous êtes invité.", "REQUEST",
                ical);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!subjects(other(), FolderPath.INBOX).contains(subject)) {
            assertTrue(System.nanoTime() < deadline, "the invitation arrives");
            Thread.sleep(200);
        }
        MessageUid uid = uidOf(other(), FolderPath.INBOX, subject);
        OpenedMessage m = mailbox().open(other(), FolderPath.INBOX, uid, false);
        assertTrue(m.parsed().text().contains("Vous êtes invité."), m.parsed().text());
        assertFalse(m.parsed().text().contains("BEGIN:VCALENDAR"), "the calendar part is no text to read");
        assertEquals(List.of("text/calendar", "application/ics"), m.parsed().attachments().stream()
                .map(Attachment::contentType).toList());
        assertEquals("invitation.ics", m.parsed().attachments().get(1).name());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mailbox().download(other(), FolderPath.INBOX, uid, m.parsed().attachments().get(0).part(), part -> out);
        assertEquals(ical, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n"));
    }
}
