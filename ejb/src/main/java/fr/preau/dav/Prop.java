package fr.preau.dav;

import java.util.List;

import javax.xml.namespace.QName;

/**
 * A property of a resource with its value, as a multistatus writes it: text, hrefs, empty elements
 * ({@code resourcetype}: {@code collection}, {@code addressbook}), or a set of reports
 * ({@code supported-report-set}).
 */
public record Prop(QName name, Kind kind, String text, List<String> hrefs, List<QName> elements) {
    public enum Kind { TEXT, HREFS, ELEMENTS, REPORTS, PRIVILEGES, COMPONENTS }

    public Prop {
        hrefs = List.copyOf(hrefs);
        elements = List.copyOf(elements);
    }

    public static Prop text(QName name, String text) {
        return new Prop(name, Kind.TEXT, text, List.of(), List.of());
    }

    /** One or more {@code DAV:href} inside the property (hrefs already percent-encoded). */
    public static Prop hrefs(QName name, String... hrefs) {
        return new Prop(name, Kind.HREFS, null, List.of(hrefs), List.of());
    }

    /** Empty elements inside the property. */
    public static Prop elements(QName name, QName... elements) {
        return new Prop(name, Kind.ELEMENTS, null, List.of(), List.of(elements));
    }

    /** {@code supported-report-set}: each report as {@code supported-report/report/<name>}. */
    public static Prop reports(QName... reports) {
        return new Prop(Dav.SUPPORTED_REPORT_SET, Kind.REPORTS, null, List.of(), List.of(reports));
    }

    /** {@code current-user-privilege-set}: each privilege as {@code privilege/<name>}. */
    public static Prop privileges(QName... privileges) {
        return new Prop(Dav.CURRENT_USER_PRIVILEGE_SET, Kind.PRIVILEGES, null, List.of(), List.of(privileges));
    }

    /** CalDAV's {@code supported-calendar-component-set}: each component as {@code comp name="…"}. */
    public static Prop components(QName name, String... components) {
        return new Prop(name, Kind.COMPONENTS, null, List.of(components), List.of());
    }
}
