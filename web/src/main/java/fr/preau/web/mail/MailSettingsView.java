package fr.preau.web.mail;

import java.io.Serializable;
import java.util.List;

import fr.preau.mail.compose.SignatureService;
import fr.preau.mail.compose.Snippet;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Paramètres de la messagerie": the user's signatures (one by default) and reply templates. */
@Named
@ViewScoped
public class MailSettingsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SIGNATURE_FORM = "signature-form";
    static final String TEMPLATE_FORM = "template-form";

    @EJB
    private SignatureService service;

    @Inject
    private UserView user;

    private List<Snippet> signatures = List.of();
    private List<Snippet> templates = List.of();

    private Long signatureId;
    private String signatureName;
    private String signatureHtml;
    private boolean signatureDefault;

    private Long templateId;
    private String templateName;
    private String templateHtml;

    public void init() {
        user.loadIfMissing();
        reload();
    }

    private void reload() {
        try {
            signatures = service.signatures();
            templates = service.templates();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void saveSignature() {
        try {
            Snippet s = service.saveSignature(signatureId, signatureName, signatureHtml, signatureDefault);
            Feedback.info("mailSettings.saved", s.name());
            newSignature();
            reload();
        } catch (RuntimeException e) {
            Feedback.failed(e, SIGNATURE_FORM);
        }
    }

    public void saveTemplate() {
        try {
            Snippet s = service.saveTemplate(templateId, templateName, templateHtml);
            Feedback.info("mailSettings.saved", s.name());
            newTemplate();
            reload();
        } catch (RuntimeException e) {
            Feedback.failed(e, TEMPLATE_FORM);
        }
    }

    public void editSignature(Snippet s) {
        signatureId = s.id();
        signatureName = s.name();
        signatureHtml = s.html();
        signatureDefault = s.byDefault();
    }

    public void editTemplate(Snippet s) {
        templateId = s.id();
        templateName = s.name();
        templateHtml = s.html();
    }

    public void deleteSignature(Snippet s) {
        try {
            service.deleteSignature(s.id());
            Feedback.info("mailSettings.deleted");
            if (Long.valueOf(s.id()).equals(signatureId)) {
                newSignature();
            }
            reload();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void deleteTemplate(Snippet s) {
        try {
            service.deleteTemplate(s.id());
            Feedback.info("mailSettings.deleted");
            if (Long.valueOf(s.id()).equals(templateId)) {
                newTemplate();
            }
            reload();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void newSignature() {
        signatureId = null;
        signatureName = null;
        signatureHtml = null;
        signatureDefault = false;
    }

    public void newTemplate() {
        templateId = null;
        templateName = null;
        templateHtml = null;
    }

    public List<Snippet> getSignatures() {
        return signatures;
    }

    public List<Snippet> getTemplates() {
        return templates;
    }

    public Long getSignatureId() {
        return signatureId;
    }

    public String getSignatureName() {
        return signatureName;
    }

    public void setSignatureName(String signatureName) {
        this.signatureName = signatureName;
    }

    public String getSignatureHtml() {
        return signatureHtml;
    }

    public void setSignatureHtml(String signatureHtml) {
        this.signatureHtml = signatureHtml;
    }

    public boolean isSignatureDefault() {
        return signatureDefault;
    }

    public void setSignatureDefault(boolean signatureDefault) {
        this.signatureDefault = signatureDefault;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateHtml() {
        return templateHtml;
    }

    public void setTemplateHtml(String templateHtml) {
        this.templateHtml = templateHtml;
    }
}
