package fr.preau.contacts;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV exports of the usual mail programs (pure logic, Commons CSV), recognised by their header: Gmail
 * ({@code E-mail 1 - Value}), Thunderbird ({@code Primary Email}) and Outlook ({@code E-mail Address}, or its French
 * {@code Adresse de messagerie}); commas or, as French Excel writes them, semicolons. Column names are matched
 * without regard to case.
 */
final class ContactCsv {
    private ContactCsv() {
    }

    /** The lines of the export, or null when the first line is no known header. */
    static ContactFile.Read read(String text) {
        String header = text.lines().findFirst().orElse("");
        char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            columns.putAll(parser.getHeaderMap());
            ContactFile.Kind kind = kind(columns);
            if (kind == null) {
                return null;
            }
            List<ContactFile.Entry> entries = new ArrayList<>();
            long lastLine = parser.getCurrentLineNumber();
            for (CSVRecord r : parser) {
                // the line where the record starts: a quoted cell may hold line breaks
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                Row row = new Row(columns, r);
                if (row.blank()) {
                    continue;
                }
                entries.add(ContactFile.Entry.of(line, switch (kind) {
                    case GMAIL -> gmail(row);
                    case THUNDERBIRD -> thunderbird(row);
                    default -> outlook(row);
                }));
            }
            return new ContactFile.Read(kind, entries);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return null; // not CSV at all (a duplicate header, an open quote): not a contact file
        } catch (UncheckedIOException e) {
            return null; // a quote left open further down is reported while iterating
        }
    }

    private static ContactFile.Kind kind(Map<String, Integer> columns) {
        if (columns.containsKey("E-mail 1 - Value")) {
            return ContactFile.Kind.GMAIL;
        }
        if (columns.containsKey("Primary Email")) {
            return ContactFile.Kind.THUNDERBIRD;
        }
        if (columns.containsKey("E-mail Address") || columns.containsKey("Adresse de messagerie")) {
            return ContactFile.Kind.OUTLOOK;
        }
        return null;
    }

    private static ContactDraft gmail(Row r) {
        List<ContactValue> emails = new ArrayList<>();
        List<ContactValue> phones = new ArrayList<>();
        for (int i = 1; i <= ContactRules.VALUES_MAX; i++) {
            String type = r.first("E-mail " + i + " - Label", "E-mail " + i + " - Type");
            // Gmail puts several addresses of one label in one cell, separated by " ::: ".
            for (String a : r.split("E-mail " + i + " - Value")) {
                emails.add(new ContactValue(a, gmailType(type)));
            }
            String phoneType = r.first("Phone " + i + " - Label", "Phone " + i + " - Type");
            for (String p : r.split("Phone " + i + " - Value")) {
                phones.add(new ContactValue(p, gmailType(phoneType)));
            }
        }
        String first = r.first("First Name", "Given Name");
        String last = r.first("Last Name", "Family Name");
        if (first == null && last == null) {
            last = r.get("Name");
        }
        return new ContactDraft(first, last, emails, phones, r.first("Organization Name", "Organization 1 - Name"),
                r.first("Organization Title", "Organization 1 - Title"), r.get("Address 1 - Formatted"),
                r.get("Notes"), null);
    }

    private static ContactDraft thunderbird(Row r) {
        List<ContactValue> emails = new ArrayList<>();
        emails.add(new ContactValue(r.get("Primary Email"), "other"));
        emails.add(new ContactValue(r.get("Secondary Email"), "other"));
        List<ContactValue> phones = List.of(new ContactValue(r.get("Work Phone"), "work"),
                new ContactValue(r.get("Home Phone"), "home"), new ContactValue(r.get("Mobile Number"), "mobile"));
        String first = r.get("First Name");
        String last = r.get("Last Name");
        if (first == null && last == null) {
            last = r.get("Display Name");
        }
        return new ContactDraft(first, last, emails, phones, r.get("Organization"), r.get("Job Title"),
                address(r, "Work Address", "Work Address 2", "Work ZipCode", "Work City", "Work Country"),
                r.get("Notes"), null);
    }

    private static ContactDraft outlook(Row r) {
        List<ContactValue> emails = List.of(
                new ContactValue(r.first("E-mail Address", "Adresse de messagerie"), "other"),
                new ContactValue(r.first("E-mail 2 Address", "Adresse de messagerie 2"), "other"),
                new ContactValue(r.first("E-mail 3 Address", "Adresse de messagerie 3"), "other"));
        List<ContactValue> phones = List.of(
                new ContactValue(r.first("Business Phone", "Téléphone (bureau)"), "work"),
                new ContactValue(r.first("Home Phone", "Téléphone (domicile)"), "home"),
                new ContactValue(r.first("Mobile Phone", "Tél. mobile"), "mobile"));
        return new ContactDraft(r.first("First Name", "Prénom"), r.first("Last Name", "Nom"), emails, phones,
                r.first("Company", "Société"), r.first("Job Title", "Titre"),
                address(r, "Business Street", "Business Street 2", "Business Postal Code", "Business City",
                        "Business Country/Region"),
                r.get("Notes"), null);
    }

    private static String address(Row r, String street, String street2, String zip, String city, String country) {
        String town = Stream.of(r.get(zip), r.get(city)).filter(s -> s != null).collect(Collectors.joining(" "));
        String text = Stream.of(r.get(street), r.get(street2), town.isEmpty() ? null : town, r.get(country))
                .filter(s -> s != null).collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    private static String gmailType(String label) {
        if (label == null) {
            return "other";
        }
        String l = label.replace("*", "").strip().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("work") ? "work" : l.startsWith("home") ? "home" : l.startsWith("mobile") ? "mobile"
                : "other";
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** A record read by column name; a blank cell is null. */
    private record Row(Map<String, Integer> columns, CSVRecord record) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String first(String... names) {
            for (String n : names) {
                String v = get(n);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        List<String> split(String column) {
            String v = get(column);
            return v == null ? List.of() : Stream.of(v.split(":::")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        boolean blank() {
            for (String v : record) {
                if (v != null && !v.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }
}
