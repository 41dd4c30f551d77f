package fr.preau.mail.search;

import java.io.Serializable;
import java.util.List;

/** The newest matches first; {@code total} counts every match, {@code hits} holds at most the limit asked for. */
public record SearchResult(List<SearchHit> hits, int total) implements Serializable {
    public boolean truncated() {
        return total > hits.size();
    }
}
