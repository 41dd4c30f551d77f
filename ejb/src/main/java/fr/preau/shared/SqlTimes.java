package fr.preau.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} column read by a native query, as an {@link Instant}: the JDBC driver and Hibernate hand it
 * over as a {@link java.sql.Timestamp}, an {@link OffsetDateTime} or an {@link Instant} depending on the query.
 */
public final class SqlTimes {
    private SqlTimes() {
    }

    /** The instant of a column value; null for SQL null. */
    public static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
