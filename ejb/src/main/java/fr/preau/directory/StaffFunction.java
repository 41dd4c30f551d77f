package fr.preau.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * The functions of the HR feed (column {@code fonction}), with the words staff use for them. A code the feed may
 * send that is not here is a fault of its line, reported, never guessed.
 */
public enum StaffFunction {
    ENS("Enseignant", "Teacher"),
    DOC("Professeur documentaliste", "Teacher librarian"),
    CPE("Conseiller principal d'éducation", "Senior education adviser (CPE)"),
    AESH("Accompagnant d'élèves en situation de handicap", "Teaching assistant for pupils with disabilities (AESH)"),
    AED("Assistant d'éducation", "Education assistant"),
    DIR("Personnel de direction", "School management"),
    ADM("Personnel administratif", "Administrative staff"),
    INF("Infirmier", "School nurse"),
    PSY("Psychologue de l'Éducation nationale", "School psychologist"),
    TEC("Personnel technique", "Technical staff"),
    INS("Inspecteur", "Inspector");

    private final String french;
    private final String english;

    StaffFunction(String french, String english) {
        this.french = french;
        this.english = english;
    }

    /** The label in the user's language (French unless English). */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : french;
    }

    public String french() {
        return french;
    }

    /** The function whose code is {@code code} (case and spaces ignored). */
    public static Optional<StaffFunction> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        for (StaffFunction f : values()) {
            if (f.name().equals(c)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
