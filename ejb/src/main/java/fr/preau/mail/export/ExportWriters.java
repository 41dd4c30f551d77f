package fr.preau.mail.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The two export formats, written one message at a time as the mailbox streams them. */
final class ExportWriters {
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ExportWriters() {
    }

    /** A writer of the format. */
    static Writer of(ExportFormat format, OutputStream out) {
        return format == ExportFormat.MBOX ? new MboxWriter(out) : new ZipWriter(out);
    }

    interface Writer {
        void write(long uid, Instant internalDate, byte[] bytes, int start, int count) throws IOException;

        void finish() throws IOException;
    }

    /** mboxrd: CRLF becomes LF, a line matching {@code >*From } gets one more '>', a blank line ends a message. */
    static final class MboxWriter implements Writer {
        private final OutputStream out;

        MboxWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(long uid, Instant internalDate, byte[] b, int start, int count) throws IOException {
            String date = ASCTIME.format(internalDate == null ? Instant.now() : internalDate);
            out.write(("From MAILER-DAEMON " + date + "\n").getBytes(StandardCharsets.US_ASCII));
            int end = start + count;
            int line = start;
            while (line < end) {
                int nl = line;
                while (nl < end && b[nl] != '\n') {
                    nl++;
                }
                int contentEnd = nl > line && b[nl - 1] == '\r' ? nl - 1 : nl;
                if (quoted(b, line, contentEnd)) {
                    out.write('>');
                }
                out.write(b, line, contentEnd - line);
                out.write('\n');
                line = nl + 1;
            }
            out.write('\n');
        }

        /** True when the line is ">*From ". */
        static boolean quoted(byte[] b, int from, int to) {
            int i = from;
            while (i < to && b[i] == '>') {
                i++;
            }
            byte[] marker = {'F', 'r', 'o', 'm', ' '};
            if (to - i < marker.length) {
                return false;
            }
            for (int k = 0; k < marker.length; k++) {
                if (b[i + k] != marker[k]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }
    }

    /** One entry per message, named by its position and UID. */
    static final class ZipWriter implements Writer {
        private final ZipOutputStream zip;
        private int n;

        ZipWriter(OutputStream out) {
            zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        }

        @Override
        public void write(long uid, Instant internalDate, byte[] bytes, int start, int count) throws IOException {
            n++;
            ZipEntry entry = new ZipEntry(String.format(Locale.ROOT, "%06d-%d.eml", n, uid));
            if (internalDate != null) {
                entry.setTime(internalDate.toEpochMilli());
            }
            zip.putNextEntry(entry);
            zip.write(bytes, start, count);
            zip.closeEntry();
        }

        @Override
        public void finish() throws IOException {
            zip.finish();
            zip.flush();
        }
    }
}
