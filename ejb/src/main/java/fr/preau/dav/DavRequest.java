package fr.preau.dav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The body of a PROPFIND or REPORT, read: which properties the client asks for, and for the reports the hrefs of an
 * {@code addressbook-multiget}, the filter of an {@code addressbook-query}, the token of a {@code sync-collection}.
 * An empty PROPFIND means {@code allprop} (RFC 4918 §9.1). A body that is not such XML, a DOCTYPE (no entity of a
 * client is ever expanded) or an unknown report is refused (400, or 403 {@code DAV:supported-report}).
 *
 * @param kind what was asked
 * @param props the properties named ({@link Kind#PROP} and the reports)
 * @param hrefs the hrefs of a multiget, as sent (percent-encoded)
 * @param filter the filter of an addressbook-query ({@link CardFilter#ALL} when it has none)
 * @param limit the most results an addressbook-query or sync-collection wants, 0 for no limit
 * @param syncToken the token of a sync-collection ("" on a first sync)
 */
public record DavRequest(Kind kind, List<QName> props, List<String> hrefs, CardFilter filter, int limit,
        String syncToken) {
    /** Bodies larger than this are refused (a multiget of the whole directory, 25,000 hrefs, fits). */
    public static final int MAX_BYTES = 4 << 20;

    public enum Kind { ALLPROP, PROPNAME, PROP, MULTIGET, QUERY, SYNC }

    public DavRequest {
        props = List.copyOf(props);
        hrefs = List.copyOf(hrefs);
    }

    /** Whether property {@code name} is asked for (every live property under allprop, except address data). */
    public boolean wants(QName name) {
        return kind == Kind.ALLPROP ? !Dav.ADDRESS_DATA.equals(name) && !Dav.CALENDAR_DATA.equals(name)
                : props.contains(name);
    }

    /**
     * Reads a PROPFIND body.
     *
     * @throws DavRefusal 400 the body is not a propfind element
     */
    public static DavRequest propfind(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new DavRequest(Kind.ALLPROP, List.of(), List.of(), CardFilter.ALL, 0, null);
        }
        Element root = parse(body);
        if (!Dav.PROPFIND.equals(name(root))) {
            throw bad();
        }
        for (Element e : children(root)) {
            QName n = name(e);
            if (Dav.PROPNAME.equals(n)) {
                return new DavRequest(Kind.PROPNAME, List.of(), List.of(), CardFilter.ALL, 0, null);
            }
            if (Dav.PROP.equals(n)) {
                return new DavRequest(Kind.PROP, names(e), List.of(), CardFilter.ALL, 0, null);
            }
        }
        return new DavRequest(Kind.ALLPROP, List.of(), List.of(), CardFilter.ALL, 0, null);
    }

    /**
     * Reads a REPORT body: {@code addressbook-multiget}, {@code addressbook-query}, their CalDAV twins
     * {@code calendar-multiget} and {@code calendar-query} (whose filter {@link CalendarFilter} reads) or
     * {@code sync-collection}.
     *
     * @throws DavRefusal 400 not XML; 403 {@code DAV:supported-report} another report
     */
    public static DavRequest report(byte[] body) {
        if (body == null || body.length == 0) {
            throw bad();
        }
        Element root = parse(body);
        QName report = name(root);
        List<QName> props = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        CardFilter filter = CardFilter.ALL;
        int limit = 0;
        String token = null;
        for (Element e : children(root)) {
            QName n = name(e);
            if (Dav.PROP.equals(n)) {
                props.addAll(names(e));
            } else if (Dav.HREF.equals(n)) {
                hrefs.add(e.getTextContent().strip());
            } else if (Dav.FILTER.equals(n) && Dav.ADDRESSBOOK_QUERY.equals(report)) {
                filter = CardFilter.read(e);
            } else if (Dav.LIMIT.equals(n)) {
                limit = nresults(e);
            } else if (Dav.SYNC_TOKEN.equals(n)) {
                token = e.getTextContent().strip();
            } else if (Dav.dav("limit").equals(n)) {
                limit = nresults(e);
            }
        }
        if (Dav.ADDRESSBOOK_MULTIGET.equals(report) || Dav.CALENDAR_MULTIGET.equals(report)) {
            return new DavRequest(Kind.MULTIGET, props, hrefs, CardFilter.ALL, 0, null);
        }
        if (Dav.ADDRESSBOOK_QUERY.equals(report) || Dav.CALENDAR_QUERY.equals(report)) {
            return new DavRequest(Kind.QUERY, props, List.of(), filter, limit, null);
        }
        if (Dav.SYNC_COLLECTION.equals(report)) {
            return new DavRequest(Kind.SYNC, props, List.of(), CardFilter.ALL, limit, token == null ? "" : token);
        }
        throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
    }

    private static int nresults(Element limit) {
        for (Element n : children(limit)) {
            if ("nresults".equals(n.getLocalName())) {
                try {
                    return Math.max(0, Integer.parseInt(n.getTextContent().strip()));
                } catch (NumberFormatException e) {
                    throw bad();
                }
            }
        }
        return 0;
    }

    private static List<QName> names(Element prop) {
        return children(prop).stream().map(DavRequest::name).toList();
    }

    static QName name(Element e) {
        return new QName(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), e.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    static Element parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new DavRefusal(413, null, "dav.tooLarge");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new ByteArrayInputStream(body));
            return d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw bad();
        }
    }

    private static DavRefusal bad() {
        return new DavRefusal(400, null, "dav.badRequest");
    }
}
