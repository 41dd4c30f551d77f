package fr.preau.dav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The WebDAV plumbing on the XML real clients send (vdirsyncer, Thunderbird, DAVx⁵, iOS) and on what it writes. */
class DavProtocolTest {
    private static final String NS = "xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\"";

    @Test
    void anEmptyPropfindAsksForEveryPropertyButTheCardItself() {
        DavRequest r = DavRequest.propfind(new byte[0]);
        assertEquals(DavRequest.Kind.ALLPROP, r.kind());
        assertTrue(r.wants(Dav.GETETAG));
        assertFalse(r.wants(Dav.ADDRESS_DATA), "allprop does not carry the cards");
    }

    @Test
    void aPropfindNamesThePropertiesItWants() {
        DavRequest r = DavRequest.propfind(bytes("<?xml version=\"1.0\"?><d:propfind " + NS
                + " xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop><d:resourcetype/><d:getetag/>"
                + "<cs:getctag/><c:addressbook-home-set/></d:prop></d:propfind>"));
        assertEquals(DavRequest.Kind.PROP, r.kind());
        assertEquals(List.of(Dav.RESOURCETYPE, Dav.GETETAG, Dav.GETCTAG, Dav.ADDRESSBOOK_HOME_SET), r.props());
        assertTrue(r.wants(Dav.GETCTAG));
        assertFalse(r.wants(Dav.DISPLAYNAME));
        assertEquals(DavRequest.Kind.PROPNAME,
                DavRequest.propfind(bytes("<d:propfind " + NS + "><d:propname/></d:propfind>")).kind());
    }

    @Test
    void aMultigetGivesItsHrefsAsSent() {
        DavRequest r = DavRequest.report(bytes("<c:addressbook-multiget " + NS + "><d:prop><d:getetag/>"
                + "<c:address-data/></d:prop><d:href>/dav/7/contacts/a%20b.vcf</d:href>"
                + "<d:href> /dav/7/contacts/c.vcf </d:href></c:addressbook-multiget>"));
        assertEquals(DavRequest.Kind.MULTIGET, r.kind());
        assertEquals(List.of("/dav/7/contacts/a%20b.vcf", "/dav/7/contacts/c.vcf"), r.hrefs());
        assertTrue(r.wants(Dav.ADDRESS_DATA));
    }

    @Test
    void aSyncCollectionGivesItsTokenEmptyOnTheFirstSync() {
        DavRequest first = DavRequest.report(bytes("<d:sync-collection " + NS + "><d:sync-token/>"
                + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"));
        assertEquals(DavRequest.Kind.SYNC, first.kind());
        assertEquals("", first.syncToken());
        DavRequest next = DavRequest.report(bytes("<d:sync-collection " + NS + "><d:sync-token>"
                + "urn:x-preau:sync:contacts:12</d:sync-token><d:prop><d:getetag/></d:prop></d:sync-collection>"));
        assertEquals("urn:x-preau:sync:contacts:12", next.syncToken());
    }

    @Test
    void anAddressbookQueryFiltersByTextWithAnyofOrAllof() {
        DavRequest r = DavRequest.report(bytes("<c:addressbook-query " + NS + "><d:prop><d:getetag/></d:prop>"
                + "<c:filter test=\"anyof\"><c:prop-filter name=\"FN\"><c:text-match collation=\"i;unicode-casemap\""
                + " match-type=\"contains\">dupo</c:text-match></c:prop-filter><c:prop-filter name=\"EMAIL\">"
                + "<c:text-match match-type=\"starts-with\">marie</c:text-match></c:prop-filter></c:filter>"
                + "<c:limit><c:nresults>5</c:nresults></c:limit></c:addressbook-query>"));
        assertEquals(DavRequest.Kind.QUERY, r.kind());
        assertEquals(5, r.limit());
        String marie = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Marie Dupont\r\nitem1.EMAIL;TYPE=work:marie.dupont@ac-preau"
                + "\r\n .fr\r\nEND:VCARD\r\n";
        String jean = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jean Martin\r\nEMAIL:jean@ac-preau.fr\r\nEND:VCARD\r\n";
        assertTrue(r.filter().test(n -> CardLines.values(marie, n)));
        assertFalse(r.filter().test(n -> CardLines.values(jean, n)));
        assertEquals(List.of("marie.dupont@ac-preau.fr"), CardLines.values(marie, "email"),
                "folded line, group and parameters");

        CardFilter allOf = DavRequest.report(bytes("<c:addressbook-query " + NS + "><c:filter test=\"allof\">"
                + "<c:prop-filter name=\"FN\"><c:text-match>jean</c:text-match></c:prop-filter>"
                + "<c:prop-filter name=\"TEL\"><c:is-not-defined/></c:prop-filter></c:filter></c:addressbook-query>"))
                .filter();
        assertTrue(allOf.test(n -> CardLines.values(jean, n)));
        assertFalse(allOf.test(n -> CardLines.values(marie, n)));
        assertTrue(CardFilter.ALL.test(n -> List.of()));
    }

    @Test
    void badBodiesAreRefusedWithoutReadingEntities() {
        DavRefusal doctype = assertThrows(DavRefusal.class, () -> DavRequest.propfind(bytes(
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<d:propfind xmlns:d=\"DAV:\"><d:prop>&x;</d:prop></d:propfind>")));
        assertEquals(400, doctype.status());
        assertEquals(400, assertThrows(DavRefusal.class, () -> DavRequest.propfind(bytes("not xml"))).status());
        assertEquals(400, assertThrows(DavRefusal.class,
                () -> DavRequest.propfind(bytes("<d:prop xmlns:d=\"DAV:\"/>"))).status());
        DavRefusal report = assertThrows(DavRefusal.class, () -> DavRequest.report(bytes(
                "<d:expand-property xmlns:d=\"DAV:\"/>")));
        assertEquals(403, report.status());
        assertEquals(Dav.dav("supported-report"), report.condition());
    }

    @Test
    void aMultistatusCarriesWhatWasFoundWhatWasNotAndWhatIsGone() throws Exception {
        DavRequest asked = DavRequest.propfind(bytes("<d:propfind " + NS + " xmlns:x=\"urn:example\"><d:prop>"
                + "<d:getetag/><d:resourcetype/><x:color/></d:prop></d:propfind>"));
        String xml = new Multistatus()
                .answer("/dav/7/contacts/", asked, List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION,
                        Dav.ADDRESSBOOK), Prop.text(Dav.DISPLAYNAME, "Contacts <perso> & co")))
                .answer("/dav/7/contacts/a%20b.vcf", asked, List.of(Prop.text(Dav.GETETAG, "\"3-2\"")))
                .status("/dav/7/contacts/gone.vcf", 404)
                .syncToken("urn:x-preau:sync:contacts:4").toXml();
        Document d = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new Namespaces(Map.of("d", Dav.DAV, "c", Dav.CARDDAV, "x", "urn:example")));
        assertEquals(3.0, x.evaluate("count(/d:multistatus/d:response)", d, XPathConstants.NUMBER));
        assertEquals("1", x.evaluate("count(//d:response[1]/d:propstat[d:status='HTTP/1.1 200 OK']"
                + "/d:prop/d:resourcetype/c:addressbook)", d));
        assertEquals("", x.evaluate("//d:response[1]//d:displayname", d), "not asked, not sent");
        NodeList missing = (NodeList) x.evaluate("//d:response[1]/d:propstat[d:status='HTTP/1.1 404 Not Found']"
                + "/d:prop/*", d, XPathConstants.NODESET);
        assertEquals(2, missing.getLength(), "getetag and the client's own property: " + xml);
        assertEquals("urn:example", missing.item(1).getNamespaceURI());
        assertEquals("\"3-2\"", x.evaluate("//d:response[d:href='/dav/7/contacts/a%20b.vcf']//d:getetag", d));
        assertEquals("HTTP/1.1 404 Not Found", x.evaluate("//d:response[d:href='/dav/7/contacts/gone.vcf']"
                + "/d:status", d));
        assertEquals("urn:x-preau:sync:contacts:4", x.evaluate("/d:multistatus/d:sync-token", d));

        String error = Multistatus.error(Dav.VALID_SYNC_TOKEN, "Jeton inconnu & <refusé>");
        Document e = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(error.getBytes(StandardCharsets.UTF_8)));
        assertEquals("1", x.evaluate("count(/d:error/d:valid-sync-token)", e));
        assertTrue(e.getDocumentElement().getTextContent().contains("Jeton inconnu & <refusé>"));
    }

    @Test
    void ifMatchAndIfNoneMatchHoldOnlyForTheCurrentStrongEtag() {
        assertTrue(Preconditions.holds(null, null, "\"1-1\""));
        assertTrue(Preconditions.holds("\"1-1\"", null, "\"1-1\""));
        assertTrue(Preconditions.holds("\"9-9\", \"1-1\"", null, "\"1-1\""));
        assertFalse(Preconditions.holds("\"1-1\"", null, "\"1-2\""), "stale");
        assertFalse(Preconditions.holds("W/\"1-1\"", null, "\"1-1\""), "weak never matches strongly");
        assertFalse(Preconditions.holds("\"1-1\"", null, null), "gone");
        assertTrue(Preconditions.holds("*", null, "\"1-1\""));
        assertFalse(Preconditions.holds("*", null, null));
        assertTrue(Preconditions.holds(null, "*", null), "create only");
        assertFalse(Preconditions.holds(null, "*", "\"1-1\""), "create only, but it exists");
        assertFalse(Preconditions.holds(null, "\"1-1\"", "\"1-1\""));
        assertEquals(412, assertThrows(DavRefusal.class,
                () -> Preconditions.check("\"1-1\"", null, "\"1-2\"")).status());
    }

    @Test
    void aSyncTokenIsOnlyAcceptedForItsCollectionUpToTheCurrentCounter() {
        assertEquals("urn:x-preau:sync:contacts:7", SyncToken.of("contacts", 7));
        assertEquals(0, SyncToken.counter("", "contacts", 7));
        assertEquals(5, SyncToken.counter("urn:x-preau:sync:contacts:5", "contacts", 7));
        for (String bad : List.of("urn:x-preau:sync:contacts:8", "urn:x-preau:sync:agenda:5", "http://x/5",
                "urn:x-preau:sync:contacts:-1", "urn:x-preau:sync:contacts:99999999999999999999")) {
            DavRefusal r = assertThrows(DavRefusal.class, () -> SyncToken.counter(bad, "contacts", 7), bad);
            assertEquals(403, r.status());
            assertEquals(Dav.VALID_SYNC_TOKEN, r.condition());
        }
    }

    @Test
    void pathsAreDecodedBySegmentAndEncodedBack() {
        assertEquals(List.of("dav", "7", "contacts", "a b@c.vcf"), DavPath.segments("/dav/7/contacts/a%20b@c.vcf"));
        assertEquals(List.of("dav", "7"), DavPath.segments("https://portail.example/dav/7/"));
        assertEquals(List.of("dav", "é.vcf"), DavPath.segments("/dav/%C3%A9.vcf"));
        assertNull(DavPath.segments("/dav/../etc"));
        assertNull(DavPath.segments("/dav/a%2Fb.vcf"), "no slash hidden in a segment");
        assertNull(DavPath.segments("/dav/%zz"));
        assertEquals("a%20b@c.vcf", DavPath.encode("a b@c.vcf"));
        assertEquals("%C3%A9%2F%3F.vcf", DavPath.encode("é/?.vcf"));
    }

    @Test
    void aCalendarQueryReadsItsTimeRangeAndAnswersComponentsWithTheirNames() {
        String q = "<?xml version=\"1.0\"?><c:calendar-query xmlns:d=\"DAV:\""
                + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/><c:calendar-data/></d:prop>"
                + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
                + "<c:time-range start=\"20261026T000000Z\" end=\"20261027T000000Z\"/>"
                + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
        DavRequest r = DavRequest.report(bytes(q));
        assertEquals(DavRequest.Kind.QUERY, r.kind());
        assertTrue(r.wants(Dav.CALENDAR_DATA));
        CalendarFilter f = CalendarFilter.of(bytes(q));
        assertTrue(f.events() && f.timed());
        assertEquals(java.time.Instant.parse("2026-10-26T00:00:00Z"), f.start());
        assertEquals(java.time.Instant.parse("2026-10-27T00:00:00Z"), f.end());
        assertFalse(CalendarFilter.of(bytes(q.replace("\"VEVENT\"", "\"VTODO\""))).events(), "no tasks here");
        assertEquals(400, assertThrows(DavRefusal.class, () -> CalendarFilter.of(bytes(q.replace("20261026T000000Z",
                "demain")))).status());
        assertFalse(DavRequest.propfind(new byte[0]).wants(Dav.CALENDAR_DATA), "allprop does not carry events");
        String xml = new Multistatus().response("/caldav/1/2/", List.of(Prop.components(
                Dav.SUPPORTED_CALENDAR_COMPONENT_SET, "VEVENT")), List.of()).toXml();
        assertTrue(xml.contains("<cal:supported-calendar-component-set><cal:comp name=\"VEVENT\">"), xml);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Namespaces(Map<String, String> map) implements javax.xml.namespace.NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return map.get(prefix);
        }

        @Override
        public String getPrefix(String uri) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String uri) {
            return null;
        }
    }
}
