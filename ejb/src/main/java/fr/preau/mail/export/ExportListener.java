package fr.preau.mail.export;

/** Told how far an export is, after each batch. */
@FunctionalInterface
public interface ExportListener {
    void progress(int done, int total);
}
