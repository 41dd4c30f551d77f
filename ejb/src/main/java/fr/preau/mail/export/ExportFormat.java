package fr.preau.mail.export;

/** The file a folder is exported to. */
public enum ExportFormat {
    /** One mbox file, mboxrd escaping ("From " lines quoted with one more '>'). */
    MBOX("application/mbox", ".mbox"),
    /** A zip holding one .eml file per message, the raw message as the server keeps it. */
    EML_ZIP("application/zip", ".zip");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
