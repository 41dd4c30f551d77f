package fr.preau.lists;

import java.util.Arrays;
import java.util.Optional;

/** Who may post to a list, as stored in {@code distribution_list.posting} and enforced by Postfix (ADR 0101). */
public enum PostingRule {
    /** The list's members and owners only. */
    MEMBERS("members"),
    /** A signed-in sender, or a sender of one of the academy's domains. */
    ACADEMY("academy"),
    /** Anyone, from inside or outside the academy. */
    ANYONE("anyone");

    private final String code;

    PostingRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The rule of this stored code, if any. */
    public static Optional<PostingRule> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
