package fr.preau.web.admin;

import java.io.Serializable;
import java.util.List;

import fr.preau.settings.quota.QuotaClass;
import fr.preau.settings.quota.QuotaClasses;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Classes de quota" (administrators): the classes with their limits and number of accounts; one form creates a
 * class or, after "Modifier", edits one (its code stays); a class in use cannot be deleted, the page says why.
 */
@Named
@ViewScoped
public class QuotaClassesView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "classes";

    @EJB
    private QuotaClasses service;

    private List<QuotaClass> classes;
    private boolean editing;
    private String code;
    private String label;
    private String storage;
    private String attachment;
    private String archive;

    @PostConstruct
    void init() {
        classes = service.list();
    }

    public void edit(QuotaClass q) {
        editing = true;
        code = q.code();
        label = q.label();
        storage = Integer.toString(q.storageMb());
        attachment = q.attachmentMb() == null ? null : q.attachmentMb().toString();
        archive = q.archiveDays() == null ? null : q.archiveDays().toString();
    }

    public void cancel() {
        editing = false;
        code = null;
        label = null;
        storage = null;
        attachment = null;
        archive = null;
    }

    public void save() {
        try {
            Integer storageMb = number(storage, "storage", "quota.class.error.storage");
            if (storageMb == null) {
                throw new InvalidInputException("storage", "quota.class.error.storage", "");
            }
            QuotaClass wanted = new QuotaClass(code, label, storageMb,
                    number(attachment, "attachment", "quota.class.error.attachment"),
                    number(archive, "archive", "quota.class.error.archive"), 0);
            if (editing) {
                service.update(wanted);
                Feedback.info("quota.class.updated", code);
            } else {
                QuotaClass created = service.create(wanted);
                Feedback.info("quota.class.created", created.code());
            }
            cancel();
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
        }
        classes = service.list();
    }

    public void delete(QuotaClass q) {
        try {
            service.delete(q.code());
            Feedback.info("quota.class.deleted", q.code());
            if (q.code().equals(code)) {
                cancel();
            }
        } catch (InvalidInputException e) {
            Feedback.error(null, e.messageKey(), q.code(), e.argument());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        classes = service.list();
    }

    /** A whole number typed in a field, or null when blank. */
    private static Integer number(String typed, String field, String key) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, key, typed.trim());
        }
    }

    public List<QuotaClass> getClasses() {
        return classes;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getStorage() {
        return storage;
    }

    public void setStorage(String storage) {
        this.storage = storage;
    }

    public String getAttachment() {
        return attachment;
    }

    public void setAttachment(String attachment) {
        this.attachment = attachment;
    }

    public String getArchive() {
        return archive;
    }

    public void setArchive(String archive) {
        this.archive = archive;
    }
}
