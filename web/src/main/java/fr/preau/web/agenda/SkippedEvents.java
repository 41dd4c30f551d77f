package fr.preau.web.agenda;

import fr.preau.agenda.IcsImportReport;
import fr.preau.web.shared.Feedback;

/** The line a page shows for an event an {@code .ics} import left out (the agenda's import, the school holidays). */
public final class SkippedEvents {
    private SkippedEvents() {
    }

    /** "Événement « … » ignoré : date de début manquante (ligne 12, UID …)". */
    public static String text(IcsImportReport.Skipped s) {
        String title = s.title() == null ? Feedback.text("agenda.import.untitled") : s.title();
        return Feedback.text("agenda.import.skipped", title, Feedback.text(s.reason()), String.valueOf(s.line()),
                s.uid() == null ? "—" : s.uid());
    }
}
