package fr.preau.web.mail;

import java.io.Serializable;

import fr.preau.mail.MessageContent;
import fr.preau.mail.report.ReportKind;
import fr.preau.mail.report.ReportService;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "Indésirable" and "Hameçonnage" buttons of the open message (mail/fragments/report-actions.xhtml). */
@Named
@ViewScoped
public class ReportView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ReportService reports;

    @Inject
    private InboxView inbox;

    public void spam() {
        report(ReportKind.SPAM);
    }

    public void phishing() {
        report(ReportKind.PHISHING);
    }

    private void report(ReportKind kind) {
        MessageContent current = inbox.getCurrent();
        if (current == null) {
            return;
        }
        try {
            String address = reports.report(inbox.getMessages().getFolder(), current.summary().uid(), kind);
            inbox.closeMessage();
            inbox.refresh();
            Feedback.info("report.done." + kind.name(), address);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }
}
