package fr.preau.contacts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import fr.preau.shared.InvalidInputException;

/**
 * A file given to import (pure logic): a vCard file (3.0 or 4.0, 2.1 read too) or a CSV export of Outlook, Gmail or
 * Thunderbird, recognised by its first line, read in UTF-8 (Windows-1252 when the bytes are not UTF-8, as older
 * Outlook writes). Each card or line becomes an {@link Entry}; a card or line that cannot be a contact at all carries
 * its fault instead of a draft.
 */
public final class ContactFile {
    /** Bytes accepted at most (several thousand contacts). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What the file was recognised as. */
    public enum Kind {
        VCARD, OUTLOOK, GMAIL, THUNDERBIRD
    }

    /**
     * A card (its number, from 1) or a CSV line (its line number, the header is line 1), with the names of the
     * groups it names (a card's CATEGORIES).
     */
    public record Entry(int position, ContactDraft draft, String fault, String detail, List<String> groups) {
        public Entry {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        static Entry of(int position, ContactDraft draft) {
            return new Entry(position, draft, null, null, List.of());
        }
    }

    /** The file's kind and entries, in the file's order. */
    public record Read(Kind kind, List<Entry> entries) {
    }

    private ContactFile() {
    }

    /**
     * Reads a file.
     *
     * @throws InvalidInputException (field {@code file}) {@code contacts.import.tooLarge} with the limit in MB,
     *     {@code contacts.import.notContacts} when it is neither a vCard file nor a known CSV export, or holds no
     *     card or line
     */
    public static Read read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "contacts.import.notContacts", null);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "contacts.import.tooLarge",
                    String.valueOf(MAX_BYTES / (1024 * 1024)));
        }
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Read read;
        if (text.stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD")) {
            read = new Read(Kind.VCARD, ContactCards.read(text));
        } else {
            read = ContactCsv.read(text);
        }
        if (read == null || read.entries().isEmpty()) {
            throw new InvalidInputException("file", "contacts.import.notContacts", null);
        }
        return read;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
