package fr.preau.dav;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A 207 multistatus body (RFC 4918 §13): one response per resource, with the properties found (200) and those
 * asked for that it does not have (404), or a status alone (a member removed since a sync token: 404, RFC 6578);
 * the new sync token of a sync-collection report. Namespaces DAV:, CardDAV, CalendarServer, CalDAV and Apple's
 * iCal get the prefixes {@code d}, {@code card}, {@code cs}, {@code cal}, {@code ical}; any other (a property a
 * client asked for) its own.
 */
public final class Multistatus {
    private static final String PREAU = "urn:x-preau";
    private final List<Response> responses = new ArrayList<>();
    private String syncToken;

    private record Response(String href, List<Prop> found, List<QName> missing, boolean namesOnly, int status) {
    }

    /** A resource and its properties; {@code missing} are those asked for that it does not have. */
    public Multistatus response(String href, List<Prop> found, List<QName> missing) {
        responses.add(new Response(href, List.copyOf(found), List.copyOf(missing), false, 0));
        return this;
    }

    /** A resource and the names of its properties (PROPFIND propname). */
    public Multistatus names(String href, List<QName> names) {
        responses.add(new Response(href, List.of(), List.copyOf(names), true, 0));
        return this;
    }

    /** A resource answered with a status alone: 404 for a member gone (sync) or an href not found (multiget). */
    public Multistatus status(String href, int status) {
        responses.add(new Response(href, List.of(), List.of(), false, status));
        return this;
    }

    public Multistatus syncToken(String token) {
        this.syncToken = token;
        return this;
    }

    /**
     * The properties of a resource as asked: those of {@code available} that the request wants, and for a
     * {@code prop} request the names it asked for that are not available.
     */
    public Multistatus answer(String href, DavRequest request, List<Prop> available) {
        if (request.kind() == DavRequest.Kind.PROPNAME) {
            return names(href, available.stream().map(Prop::name).toList());
        }
        List<Prop> found = available.stream().filter(p -> request.wants(p.name())).toList();
        List<QName> missing = new ArrayList<>();
        if (request.kind() != DavRequest.Kind.ALLPROP) {
            Set<QName> have = new LinkedHashSet<>(available.stream().map(Prop::name).toList());
            request.props().stream().filter(n -> !have.contains(n)).distinct().forEach(missing::add);
        }
        return response(href, found, missing);
    }

    public String toXml() {
        return document(Dav.dav("multistatus"), (w, prefixes) -> {
            for (Response r : responses) {
                w.writeStartElement("d", "response", Dav.DAV);
                text(w, Dav.HREF, r.href(), prefixes);
                if (r.status() != 0) {
                    status(w, r.status());
                } else {
                    if (!r.found().isEmpty() || r.namesOnly()) {
                        w.writeStartElement("d", "propstat", Dav.DAV);
                        w.writeStartElement("d", "prop", Dav.DAV);
                        if (r.namesOnly()) {
                            for (QName n : r.missing()) {
                                empty(w, n, prefixes);
                            }
                        } else {
                            for (Prop p : r.found()) {
                                write(w, p, prefixes);
                            }
                        }
                        w.writeEndElement();
                        status(w, 200);
                        w.writeEndElement();
                    }
                    if (!r.missing().isEmpty() && !r.namesOnly()) {
                        w.writeStartElement("d", "propstat", Dav.DAV);
                        w.writeStartElement("d", "prop", Dav.DAV);
                        for (QName n : r.missing()) {
                            empty(w, n, prefixes);
                        }
                        w.writeEndElement();
                        status(w, 404);
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
            }
            if (syncToken != null) {
                text(w, Dav.SYNC_TOKEN, syncToken, prefixes);
            }
        });
    }

    /**
     * The body of a refusal naming a precondition (RFC 4918 §16): {@code <d:error><condition/></d:error>}, with the
     * reason a person reads in {@code <preau:message>} (other elements are allowed there).
     */
    public static String error(QName condition, String message) {
        return document(Dav.dav("error"), (w, prefixes) -> {
            empty(w, condition, prefixes);
            if (message != null) {
                w.writeStartElement("preau", "message", PREAU);
                w.writeNamespace("preau", PREAU);
                w.writeCharacters(message);
                w.writeEndElement();
            }
        });
    }

    /**
     * The body of a scheduling outbox POST (RFC 6638 §5.3): {@code <cal:schedule-response>} with, per recipient,
     * its {@code request-status} and, for those known, the reply as {@code calendar-data} (null: unknown, 3.7).
     */
    public static String schedule(Map<String, String> replies) {
        return document(Dav.caldav("schedule-response"), (w, prefixes) -> {
            for (Map.Entry<String, String> r : replies.entrySet()) {
                w.writeStartElement("cal", "response", Dav.CALDAV);
                w.writeStartElement("cal", "recipient", Dav.CALDAV);
                text(w, Dav.HREF, "mailto:" + r.getKey(), prefixes);
                w.writeEndElement();
                text(w, Dav.caldav("request-status"), r.getValue() == null ? "3.7;Invalid calendar user"
                        : "2.0;Success", prefixes);
                if (r.getValue() != null) {
                    text(w, Dav.CALENDAR_DATA, r.getValue(), prefixes);
                }
                w.writeEndElement();
            }
        });
    }

    private interface Body {
        void write(XMLStreamWriter w, Map<String, String> prefixes) throws XMLStreamException;
    }

    /** A document whose root is {@code root}, the known namespaces declared on it. */
    private static String document(QName root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            Map<String, String> prefixes = new HashMap<>(Map.of(Dav.DAV, "d", Dav.CARDDAV, "card",
                    Dav.CALENDARSERVER, "cs", Dav.CALDAV, "cal", Dav.APPLE_ICAL, "ical"));
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(prefixes.get(root.getNamespaceURI()), root.getLocalPart(), root.getNamespaceURI());
            for (Map.Entry<String, String> ns : prefixes.entrySet()) {
                w.writeNamespace(ns.getValue(), ns.getKey());
            }
            body.write(w, prefixes);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(XMLStreamWriter w, Prop p, Map<String, String> prefixes) throws XMLStreamException {
        switch (p.kind()) {
            case TEXT -> text(w, p.name(), p.text(), prefixes);
            case HREFS -> {
                start(w, p.name(), prefixes);
                for (String h : p.hrefs()) {
                    text(w, Dav.HREF, h, prefixes);
                }
                w.writeEndElement();
            }
            case ELEMENTS -> {
                start(w, p.name(), prefixes);
                for (QName e : p.elements()) {
                    empty(w, e, prefixes);
                }
                w.writeEndElement();
            }
            case REPORTS, PRIVILEGES -> {
                boolean reports = p.kind() == Prop.Kind.REPORTS;
                start(w, p.name(), prefixes);
                for (QName e : p.elements()) {
                    start(w, Dav.dav(reports ? "supported-report" : "privilege"), prefixes);
                    if (reports) {
                        start(w, Dav.dav("report"), prefixes);
                    }
                    empty(w, e, prefixes);
                    if (reports) {
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            case COMPONENTS -> {
                start(w, p.name(), prefixes);
                for (String c : p.hrefs()) {
                    start(w, Dav.caldav("comp"), prefixes);
                    w.writeAttribute("name", c);
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
    }

    private static void status(XMLStreamWriter w, int status) throws XMLStreamException {
        w.writeStartElement("d", "status", Dav.DAV);
        w.writeCharacters("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found"));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, QName n, String text, Map<String, String> prefixes)
            throws XMLStreamException {
        start(w, n, prefixes);
        if (text != null) {
            w.writeCharacters(text);
        }
        w.writeEndElement();
    }

    private static void empty(XMLStreamWriter w, QName n, Map<String, String> prefixes) throws XMLStreamException {
        start(w, n, prefixes);
        w.writeEndElement();
    }

    private static void start(XMLStreamWriter w, QName n, Map<String, String> prefixes) throws XMLStreamException {
        String known = prefixes.get(n.getNamespaceURI());
        if (known != null) {
            w.writeStartElement(known, n.getLocalPart(), n.getNamespaceURI());
        } else if (n.getNamespaceURI().isEmpty()) {
            w.writeStartElement(n.getLocalPart());
        } else {
            w.writeStartElement("x", n.getLocalPart(), n.getNamespaceURI());
            w.writeNamespace("x", n.getNamespaceURI());
        }
    }
}
