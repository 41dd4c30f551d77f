package fr.preau.identity;

import java.io.Serializable;

/** A code and its label: an establishment (UAI and name) or a quota class, as the forms offer them. */
public record Choice(String code, String label) implements Serializable {
}
