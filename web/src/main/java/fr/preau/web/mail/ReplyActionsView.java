package fr.preau.web.mail;

import java.util.List;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.SpecialUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Helpers of the reply actions fragment (mail/fragments/reply-actions.xhtml). */
@Named("replyActions")
@ApplicationScoped
public class ReplyActionsView {
    /** True when the folder shown is Brouillons: its messages are continued, not answered. */
    public boolean isDrafts(List<FolderInfo> folders, String folderName) {
        return folders != null && folders.stream()
                .anyMatch(f -> f.path().name().equals(folderName) && f.use() == SpecialUse.DRAFTS);
    }
}
