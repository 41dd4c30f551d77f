package fr.preau.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

/**
 * The filter of an {@code addressbook-query} (RFC 6352 §10.5): property filters (FN, EMAIL, NICKNAME …) combined with
 * {@code anyof} (the default) or {@code allof}, each with text matches ({@code contains}, {@code equals},
 * {@code starts-with}, {@code ends-with}, case ignored as {@code i;unicode-casemap} does for these needs) or
 * {@code is-not-defined}. Parameter filters are not read: they count as matched.
 */
public record CardFilter(boolean allOf, List<PropFilter> props) {
    /** No filter: every card. */
    public static final CardFilter ALL = new CardFilter(false, List.of());

    public CardFilter {
        props = List.copyOf(props);
    }

    /** One property's filter. */
    public record PropFilter(String name, boolean allOf, boolean notDefined, List<TextMatch> matches) {
        public PropFilter {
            matches = List.copyOf(matches);
        }

        boolean test(List<String> values) {
            if (notDefined) {
                return values.isEmpty();
            }
            if (values.isEmpty()) {
                return false;
            }
            if (matches.isEmpty()) {
                return true;
            }
            return allOf ? matches.stream().allMatch(m -> m.test(values))
                    : matches.stream().anyMatch(m -> m.test(values));
        }
    }

    /** One text match on a property's values. */
    public record TextMatch(String text, String type, boolean negate) {
        boolean test(List<String> values) {
            String t = text.toLowerCase(Locale.ROOT);
            boolean any = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).anyMatch(v -> switch (type) {
                case "equals" -> v.equals(t);
                case "starts-with" -> v.startsWith(t);
                case "ends-with" -> v.endsWith(t);
                default -> v.contains(t);
            });
            return negate != any;
        }
    }

    /** Whether a card passes, given the values of each of its properties by name (upper case). */
    public boolean test(Function<String, List<String>> values) {
        if (props.isEmpty()) {
            return true;
        }
        return allOf ? props.stream().allMatch(p -> p.test(values.apply(p.name())))
                : props.stream().anyMatch(p -> p.test(values.apply(p.name())));
    }

    static CardFilter read(Element filter) {
        List<PropFilter> props = new ArrayList<>();
        for (Element p : DavRequest.children(filter)) {
            if (!Dav.PROP_FILTER.equals(DavRequest.name(p))) {
                continue;
            }
            List<TextMatch> matches = new ArrayList<>();
            boolean notDefined = false;
            for (Element m : DavRequest.children(p)) {
                QName n = DavRequest.name(m);
                if (Dav.IS_NOT_DEFINED.equals(n)) {
                    notDefined = true;
                } else if (Dav.TEXT_MATCH.equals(n)) {
                    String type = m.getAttribute("match-type");
                    matches.add(new TextMatch(m.getTextContent(), type.isEmpty() ? "contains" : type,
                            "yes".equals(m.getAttribute("negate-condition"))));
                }
            }
            props.add(new PropFilter(p.getAttribute("name").toUpperCase(Locale.ROOT),
                    "allof".equals(p.getAttribute("test")), notDefined, matches));
        }
        return new CardFilter("allof".equals(filter.getAttribute("test")), props);
    }
}
