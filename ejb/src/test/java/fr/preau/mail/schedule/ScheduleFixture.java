package fr.preau.mail.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Puts scheduled rows in the states a crash leaves them in, and reads them back, straight in PostgreSQL. */
@Stateless
@PermitAll
@RunAs("admin")
public class ScheduleFixture {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private AcademySettings settings;

    /** What a sender that died mid-way leaves: SENDING, claimed now by a server run that no longer exists. */
    public void abandonedBySender(long id, boolean submitted) {
        em.createNativeQuery("update scheduled_message set state = 'SENDING', claimed_at = now(),"
                + " claimed_by = 'preau-crashed', attempts = 1, due_at = now() - interval '1 minute',"
                + " submitted_at = " + (submitted ? "now()" : "null") + " where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Brings a planned message's time to now: the sender takes it at its next tick. */
    public void dueNow(long id) {
        em.createNativeQuery("update scheduled_message set due_at = now() where id = ?1 and state = 'PLANNED'")
                .setParameter(1, id).executeUpdate();
    }

    public byte[] mime(long id) {
        return em.find(ScheduledMessage.class, id).getMime();
    }

    public String messageId(long id) {
        return em.find(ScheduledMessage.class, id).getMessageId();
    }

    public ScheduledState state(long id) {
        ScheduledMessage m = em.find(ScheduledMessage.class, id);
        em.refresh(m);
        return m.getState();
    }

    /** Waits until the row is in the {@code expected} state, reading it again each second; returns the last one. */
    public ScheduledState awaitState(long id, ScheduledState expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ScheduledState now = state(id);
        while (now != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            now = state(id);
        }
        return now;
    }

    public Optional<Instant> sentAt(long id) {
        ScheduledMessage m = em.find(ScheduledMessage.class, id);
        em.refresh(m);
        return Optional.ofNullable(m.getSentAt()).map(OffsetDateTime::toInstant);
    }

    public int attempts(long id) {
        ScheduledMessage m = em.find(ScheduledMessage.class, id);
        em.refresh(m);
        return m.getAttempts();
    }

    /** The id of the row with this subject (the test's runs are told apart by a random suffix). */
    public long idOf(String subject) {
        return ((Number) em.createNativeQuery("select id from scheduled_message where subject = ?1")
                .setParameter(1, subject).getSingleResult()).longValue();
    }

    public Instant dueAt(long id) {
        return em.find(ScheduledMessage.class, id).getDueAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

    public void setting(String name, String value) {
        settings.put(name, value);
    }
}
