package fr.preau.dav;

import javax.xml.namespace.QName;

/** Namespaces and the element names the DAV layer reads and writes. */
public final class Dav {
    public static final String DAV = "DAV:";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String APPLE_ICAL = "http://apple.com/ns/ical/";

    public static final QName PROPFIND = dav("propfind");
    public static final QName PROP = dav("prop");
    public static final QName ALLPROP = dav("allprop");
    public static final QName PROPNAME = dav("propname");
    public static final QName HREF = dav("href");
    public static final QName SYNC_COLLECTION = dav("sync-collection");
    public static final QName SYNC_TOKEN = dav("sync-token");
    public static final QName SYNC_LEVEL = dav("sync-level");
    public static final QName RESOURCETYPE = dav("resourcetype");
    public static final QName COLLECTION = dav("collection");
    public static final QName PRINCIPAL = dav("principal");
    public static final QName DISPLAYNAME = dav("displayname");
    public static final QName GETETAG = dav("getetag");
    public static final QName GETCONTENTTYPE = dav("getcontenttype");
    public static final QName GETCONTENTLENGTH = dav("getcontentlength");
    public static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    public static final QName PRINCIPAL_URL = dav("principal-URL");
    public static final QName OWNER = dav("owner");
    public static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
    public static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
    public static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");

    public static final QName ADDRESSBOOK = carddav("addressbook");
    public static final QName ADDRESSBOOK_HOME_SET = carddav("addressbook-home-set");
    public static final QName ADDRESSBOOK_DESCRIPTION = carddav("addressbook-description");
    public static final QName ADDRESSBOOK_MULTIGET = carddav("addressbook-multiget");
    public static final QName ADDRESSBOOK_QUERY = carddav("addressbook-query");
    public static final QName ADDRESS_DATA = carddav("address-data");
    public static final QName SUPPORTED_ADDRESS_DATA = carddav("supported-address-data");
    public static final QName FILTER = carddav("filter");
    public static final QName PROP_FILTER = carddav("prop-filter");
    public static final QName TEXT_MATCH = carddav("text-match");
    public static final QName IS_NOT_DEFINED = carddav("is-not-defined");
    public static final QName LIMIT = carddav("limit");
    public static final QName NRESULTS = carddav("nresults");
    public static final QName VALID_ADDRESS_DATA = carddav("valid-address-data");
    public static final QName NO_UID_CONFLICT = carddav("no-uid-conflict");
    public static final QName GETCTAG = new QName(CALENDARSERVER, "getctag");


    public static final QName CALENDAR = caldav("calendar");
    public static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");
    public static final QName CALENDAR_USER_ADDRESS_SET = caldav("calendar-user-address-set");
    public static final QName CALENDAR_MULTIGET = caldav("calendar-multiget");
    public static final QName CALENDAR_QUERY = caldav("calendar-query");
    public static final QName CALENDAR_DATA = caldav("calendar-data");
    public static final QName CALENDAR_FILTER = caldav("filter");
    public static final QName COMP_FILTER = caldav("comp-filter");
    public static final QName TIME_RANGE = caldav("time-range");
    public static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");
    public static final QName SUPPORTED_CALENDAR_COMPONENT = caldav("supported-calendar-component");
    public static final QName VALID_CALENDAR_DATA = caldav("valid-calendar-data");
    public static final QName VALID_CALENDAR_OBJECT_RESOURCE = caldav("valid-calendar-object-resource");
    public static final QName CALDAV_NO_UID_CONFLICT = caldav("no-uid-conflict");
    public static final QName CALENDAR_COLOR = new QName(APPLE_ICAL, "calendar-color");
    public static final QName NEED_PRIVILEGES = dav("need-privileges");
    public static final QName SCHEDULE_OUTBOX = caldav("schedule-outbox");
    public static final QName SCHEDULE_OUTBOX_URL = caldav("schedule-outbox-URL");

    private Dav() {
    }

    public static QName dav(String name) {
        return new QName(DAV, name);
    }

    public static QName carddav(String name) {
        return new QName(CARDDAV, name);
    }

    public static QName caldav(String name) {
        return new QName(CALDAV, name);
    }
}
