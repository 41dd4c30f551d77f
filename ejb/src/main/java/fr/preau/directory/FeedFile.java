package fr.preau.directory;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The HR feed as a file (docs/directory-feed.md): UTF-8 (a byte-order mark is allowed; bytes that are not UTF-8
 * become U+FFFD and fault their line), semicolons, a header line naming the columns, quotes as spreadsheets write
 * them. Read one record at a time (Apache Commons CSV), each with its line number.
 */
public final class FeedFile implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
            .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setTrim(true)
            .setIgnoreHeaderCase(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    /** One record of the feed. */
    public record Row(int line, Map<String, String> cells) {
    }

    private FeedFile(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * Opens the feed and checks its header.
     *
     * @throws FeedRefused the file cannot be read, or its header lacks columns: nothing of it is applied
     */
    public static FeedFile open(Path path) throws FeedRefused {
        BufferedReader reader = null;
        try {
            reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
            List<String> missing = HrFeed.missingColumns(header);
            if (!missing.isEmpty()) {
                parser.close();
                throw new FeedRefused("directory.import.refused.columns", String.join(", ", missing));
            }
            return new FeedFile(parser);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(reader);
            throw new FeedRefused("directory.import.refused.unreadable", path.getFileName() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            closeQuietly(reader);
            throw new FeedRefused("directory.import.refused.header", e.getMessage());
        }
    }

    /**
     * The next record, its cells keyed by column name in lower case.
     *
     * @throws FeedRefused the file is broken at this point (an unclosed quote): the rest cannot be read
     */
    public Optional<Row> next() throws FeedRefused {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            Map<String, String> cells = new java.util.HashMap<>();
            record.toMap().forEach((k, v) -> cells.put(k.strip().toLowerCase(java.util.Locale.ROOT), v));
            return Optional.of(new Row((int) record.getRecordNumber() + 1, cells));
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FeedRefused("directory.import.refused.broken",
                    "line " + (parser.getCurrentLineNumber() + 1) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do with a file that could not be read
            }
        }
    }
}
