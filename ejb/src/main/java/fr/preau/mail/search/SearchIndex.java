package fr.preau.mail.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import fr.preau.mail.FolderMark;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageUid;
import fr.preau.shared.Component;
import fr.preau.shared.Repository;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The word index in PostgreSQL (tables of migration V30, ADR 0030), through plain JDBC: batches of inserts, and
 * one query per search. Callers run without a JTA transaction: each statement commits on its own, and every write
 * is idempotent (a second indexer of the same mailbox changes nothing).
 */
@ApplicationScoped
@Repository
public class SearchIndex {
    /** Dates of the filters are days of the academy (France). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    @Resource(lookup = "java:jboss/datasources/PreauDS")
    private DataSource dataSource;

    /** The indexed folders of a mailbox, by IMAP name. */
    public Map<String, FolderMark> folders(String mailbox) {
        String sql = "select f.folder, f.uid_validity, f.uid_next, (select count(*) from mail_search_message m"
                + " where m.mailbox = f.mailbox and m.folder = f.folder) from mail_search_folder f where f.mailbox = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, mailbox);
            Map<String, FolderMark> result = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.put(r.getString(1), new FolderMark(r.getLong(2), r.getLong(3), r.getInt(4)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Forgets a folder's rows and starts it again at UID 1 of this UIDVALIDITY. */
    public void resetFolder(String mailbox, String folder, long uidValidity) {
        try (Connection c = dataSource.getConnection()) {
            delete(c, mailbox, folder);
            try (PreparedStatement s = c.prepareStatement("insert into mail_search_folder (mailbox, folder,"
                    + " uid_validity, uid_next) values (?, ?, ?, 1) on conflict (mailbox, folder) do update"
                    + " set uid_validity = excluded.uid_validity, uid_next = 1, indexed_at = now()")) {
                s.setString(1, mailbox);
                s.setString(2, folder);
                s.setLong(3, uidValidity);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Forgets a folder that no longer exists (deleted or renamed by any client). */
    public void dropFolder(String mailbox, String folder) {
        try (Connection c = dataSource.getConnection()) {
            delete(c, mailbox, folder);
            try (PreparedStatement s = c.prepareStatement(
                    "delete from mail_search_folder where mailbox = ? and folder = ?")) {
                s.setString(1, mailbox);
                s.setString(2, folder);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Adds messages (a message already there is left as it is). */
    public void add(String mailbox, List<IndexedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String sql = "insert into mail_search_message (mailbox, folder, uid, uid_validity, sent_at, from_label,"
                + " subject, size_bytes, has_attachment, tsv_from, tsv_to, tsv_subject, tsv_body, tsv_attach, tsv_all)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', ?),"
                + " to_tsvector('simple', ?), to_tsvector('simple', ?), to_tsvector('simple', ?),"
                + " to_tsvector('simple', ?)) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (IndexedMessage m : messages) {
                int i = 1;
                s.setString(i++, mailbox);
                s.setString(i++, m.folder());
                s.setLong(i++, m.uid());
                s.setLong(i++, m.uidValidity());
                if (m.date() == null) {
                    s.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setTimestamp(i++, Timestamp.from(m.date()));
                }
                s.setString(i++, clip(m.fromLabel(), 500));
                s.setString(i++, clip(m.subject(), 1000));
                s.setInt(i++, (int) Math.min(Integer.MAX_VALUE, m.size()));
                s.setBoolean(i++, m.attachment());
                s.setString(i++, m.fromWords());
                s.setString(i++, m.recipientWords());
                s.setString(i++, m.subjectWords());
                s.setString(i++, m.bodyWords());
                s.setString(i++, m.attachmentWords());
                s.setString(i++, String.join(" ", m.fromWords(), m.recipientWords(), m.subjectWords(),
                        m.bodyWords(), m.attachmentWords()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records that every UID below {@code uidNext} is indexed (never moves backwards). */
    public void indexedUpTo(String mailbox, String folder, long uidNext) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update mail_search_folder set uid_next = greatest(uid_next, ?), indexed_at = now()"
                        + " where mailbox = ? and folder = ?")) {
            s.setLong(1, uidNext);
            s.setString(2, mailbox);
            s.setString(3, folder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Forgets the folder's rows whose UID is not among {@code present} (expunged or moved away). */
    public int retainOnly(String mailbox, String folder, long[] present) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "delete from mail_search_message where mailbox = ? and folder = ? and not (uid = any (?))")) {
            Long[] boxed = new Long[present.length];
            for (int i = 0; i < present.length; i++) {
                boxed[i] = present[i];
            }
            Array array = c.createArrayOf("bigint", boxed);
            s.setString(1, mailbox);
            s.setString(2, folder);
            s.setArray(3, array);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The newest {@code limit} matches of the mailbox, and how many there are. */
    public SearchResult search(String mailbox, List<String> words, SearchQuery query, int limit) {
        String tsquery = words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
        StringBuilder sql = new StringBuilder("select folder, uid, uid_validity, from_label, subject, sent_at,"
                + " size_bytes, has_attachment, count(*) over () from mail_search_message"
                + " where mailbox = ? and tsv_all @@ to_tsquery('simple', ?)");
        String column = switch (query.field()) {
            case FROM -> "tsv_from";
            case RECIPIENTS -> "tsv_to";
            case SUBJECT -> "tsv_subject";
            case BODY -> "tsv_body";
            case ATTACHMENTS -> "tsv_attach";
            case ALL -> null;
        };
        if (column != null) {
            sql.append(" and ").append(column).append(" @@ to_tsquery('simple', ?)");
        }
        if (query.folder() != null) {
            sql.append(" and folder = ?");
        }
        if (query.from() != null) {
            sql.append(" and sent_at >= ?");
        }
        if (query.to() != null) {
            sql.append(" and sent_at < ?");
        }
        sql.append(" order by sent_at desc nulls last, uid desc limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, mailbox);
            s.setString(i++, tsquery);
            if (column != null) {
                s.setString(i++, tsquery);
            }
            if (query.folder() != null) {
                s.setString(i++, query.folder().name());
            }
            if (query.from() != null) {
                s.setTimestamp(i++, startOf(query.from()));
            }
            if (query.to() != null) {
                s.setTimestamp(i++, startOf(query.to().plusDays(1)));
            }
            s.setInt(i, limit);
            List<SearchHit> hits = new ArrayList<>();
            int total = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp date = r.getTimestamp(6);
                    hits.add(new SearchHit(new FolderPath(r.getString(1)), new MessageUid(r.getLong(3), r.getLong(2)),
                            r.getString(4), r.getString(5), date == null ? null : date.toInstant(), r.getInt(7),
                            r.getBoolean(8)));
                    total = r.getInt(9);
                }
            }
            return new SearchResult(hits, total);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }

    private static void delete(Connection c, String mailbox, String folder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "delete from mail_search_message where mailbox = ? and folder = ?")) {
            s.setString(1, mailbox);
            s.setString(2, folder);
            s.executeUpdate();
        }
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static ServiceUnavailableException failure(SQLException e) {
        LOG.log(Level.WARNING, "Search index failure", e);
        return new ServiceUnavailableException(Component.DATABASE, e);
    }
}
