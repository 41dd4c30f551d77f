package fr.preau.mail.report;

import fr.preau.mail.SpecialUse;

/** What the user reports, and where the message goes afterwards. */
public enum ReportKind {
    /** Unwanted mail: to Indésirables. */
    SPAM(SpecialUse.JUNK, "Indésirable"),
    /** An attempt to steal credentials or money: to Corbeille, out of reach of a second click. */
    PHISHING(SpecialUse.TRASH, "Hameçonnage");

    private final SpecialUse target;
    private final String label;

    ReportKind(SpecialUse target, String label) {
        this.target = target;
        this.label = label;
    }

    public SpecialUse target() {
        return target;
    }

    /** The French word put in the report's subject, for the security team's filters. */
    public String label() {
        return label;
    }
}
