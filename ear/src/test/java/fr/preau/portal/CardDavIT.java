package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * CardDAV (issue 12, item 5; docs/adr/0102) on the running portal. Crafted requests: discovery from
 * {@code /.well-known/carddav}, the account's password and an app password (checked by Dovecot as for IMAP), a
 * wrong one, another user's credentials and another client's bearer token on someone's book (404 or 401, nothing
 * changes), ETags and a stale {@code If-Match}, the read-only directory without the hidden personal phone,
 * sync-collection with deletions and an unknown token. Then a real client nobody here wrote: Debian's vdirsyncer
 * syncs a "phone" folder both ways with the portal, whose contacts are also edited and deleted in Chromium.
 */
class CardDavIT extends DavDeployment {
    private static final String VCARD = "text/vcard; charset=utf-8";
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);

    @Test
    void clientsFindTheirBooksAndNothingOfAnyoneElses() throws Exception {
        String password = "Conseil-pedagogique-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = TestUser.create("it.dav-" + run, "Camille", "Carnet", password, false);
        String other = TestUser.create("it.dav-autre-" + run, "Basile", "Voisin", password, false);
        long me = number("select id from account where address = ?", owner);
        String app = appPassword(me);
        String otherApp = appPassword(number("select id from account where address = ?", other));
        String book = "/dav/" + me + "/contacts/";

        HttpResponse<String> wellKnown = send("GET", "/.well-known/carddav", null, null);
        assertEquals(301, wellKnown.statusCode());
        assertEquals("/dav/", URI.create(Browser.portal()).resolve(wellKnown.headers().firstValue("Location")
                .orElseThrow()).getPath());

        HttpResponse<String> anonymous = send("PROPFIND", "/dav/", null, propfind("<d:current-user-principal/>"));
        assertEquals(401, anonymous.statusCode(), "no redirection to Keycloak's login page");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        // The account's own password (Keycloak, through Dovecot as for IMAP) finds the principal.
        HttpResponse<String> principal = send("PROPFIND", "/dav/", basic(owner, password),
                propfind("<d:current-user-principal/>"), "Depth", "0");
        assertEquals(207, principal.statusCode(), principal.body());
        assertTrue(principal.body().contains("<d:href>/dav/" + me + "/</d:href>"), principal.body());

        HttpResponse<String> home = send("PROPFIND", "/dav/" + me + "/", basic(owner, app),
                propfind("<d:resourcetype/><d:displayname/><card:addressbook-home-set/><d:sync-token/>"),
                "Depth", "1");
        assertEquals(207, home.statusCode(), home.body());
        assertTrue(home.body().contains("<d:href>" + book + "</d:href>"), home.body());
        assertTrue(home.body().contains("<d:href>/dav/" + me + "/annuaire/</d:href>"), home.body());
        assertTrue(home.body().contains("<card:addressbook></card:addressbook>")
                || home.body().contains("<card:addressbook/>"), home.body());
        assertTrue(home.body().contains("urn:x-preau:sync:contacts:"), home.body());

        assertEquals(401, send("PROPFIND", book, basic(owner, "Mauvais-mot-de-passe-2026!"), propfind(
                "<d:getetag/>"), "Depth", "1").statusCode(), "a wrong password");
        String token = IdentityDoorsIT.dovecotToken(owner, password);
        HttpResponse<String> bearer = send("PROPFIND", book, "Bearer " + token, propfind("<d:getetag/>"),
                "Depth", "1");
        assertEquals(401, bearer.statusCode(), "another client's token: " + bearer.body());

        // A card created, read back with its ETag; If-None-Match: * and a stale If-Match are refused with 412.
        String uid = "it-" + run + "-1";
        String card = card(uid, "Hugo", "Lemaire" + run, "hugo.lemaire" + run + "@exemple.fr", null);
        HttpResponse<String> created = put(book + uid + ".vcf", basic(owner, app), card, "If-None-Match", "*");
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> read = send("GET", book + uid + ".vcf", basic(owner, app), null);
        assertEquals(200, read.statusCode());
        assertEquals(card, read.body());
        assertEquals(etag, read.headers().firstValue("ETag").orElseThrow());
        assertEquals(412, put(book + uid + ".vcf", basic(owner, app), card, "If-None-Match", "*").statusCode());
        String edited = card.replace("Hugo", "Hugues");
        HttpResponse<String> updated = put(book + uid + ".vcf", basic(owner, app), edited, "If-Match", etag);
        assertEquals(204, updated.statusCode(), updated.body());
        String etag2 = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, etag2);
        assertEquals(412, put(book + uid + ".vcf", basic(owner, app), card, "If-Match", etag).statusCode(),
                "a stale ETag");
        assertEquals(412, send("DELETE", book + uid + ".vcf", basic(owner, app), null, "If-Match", etag)
                .statusCode());
        assertEquals("Hugues", text("select first_name from contact where account_id = ? and uid = '" + uid + "'",
                me));

        // A card the portal refuses: a clear reason, nothing stored.
        HttpResponse<String> bad = put(book + "mauvais.vcf", basic(owner, app),
                card("it-" + run + "-bad", "Zoé", "Sans", "zoe.sans.exemple.fr", null));
        assertEquals(403, bad.statusCode());
        assertTrue(bad.body().contains("valid-address-data") && bad.body().contains("n'est pas une adresse"),
                bad.body());
        long before = number("select count(*) from contact where account_id = ?", me);
        assertEquals(1, before);

        // Another user's credentials on this book: 404 as for a book that does not exist, and nothing changes.
        String stranger = basic(other, otherApp);
        assertEquals(404, send("PROPFIND", book, stranger, propfind("<d:getetag/>"), "Depth", "1").statusCode());
        assertEquals(404, send("PROPFIND", "/dav/" + me + "/", stranger, propfind("<d:getetag/>")).statusCode());
        assertEquals(404, send("GET", book + uid + ".vcf", stranger, null).statusCode());
        assertEquals(404, put(book + "intrus.vcf", stranger, card("intrus-" + run, "In", "Trus", null, null))
                .statusCode());
        assertEquals(404, put(book + uid + ".vcf", stranger, card(uid, "Pirate", "Pirate", null, null))
                .statusCode());
        assertEquals(404, send("DELETE", book + uid + ".vcf", stranger, null).statusCode());
        assertEquals(404, send("REPORT", book, stranger, sync("")).statusCode());
        assertEquals(before, number("select count(*) from contact where account_id = ?", me));
        assertEquals(etag2, send("GET", book + uid + ".vcf", basic(owner, app), null).headers().firstValue("ETag")
                .orElseThrow(), "unchanged");

        // The directory: read-only, and a colleague's hidden personal phone is never served.
        long colleague = ContactsBrowserIT.colleague("Fontaine" + run);
        String dirCard = "/dav/" + me + "/annuaire/" + colleague + ".vcf";
        HttpResponse<String> person = send("GET", dirCard, basic(owner, app), null);
        assertEquals(200, person.statusCode(), person.body());
        assertTrue(person.body().contains("04 76 00 00 01") && person.body().contains("Fontaine" + run),
                person.body());
        assertFalse(person.body().contains("06 99 99 99 99"), "the hidden personal phone");
        assertEquals(403, put(dirCard, basic(owner, app), person.body()).statusCode());
        assertEquals(403, put("/dav/" + me + "/annuaire/nouveau.vcf", basic(owner, app),
                card("nouveau-" + run, "Neuf", "Nouveau", null, null)).statusCode());
        assertEquals(403, send("DELETE", dirCard, basic(owner, app), null).statusCode());
        assertEquals(1, number("select count(*) from directory_person where id = ? and disabled_at is null",
                colleague));
        HttpResponse<String> academy = send("PROPFIND", "/dav/" + me + "/annuaire/", basic(owner, app),
                propfind("<d:getetag/><d:current-user-privilege-set/>"), "Depth", "1");
        assertEquals(207, academy.statusCode(), academy.body());
        assertTrue(academy.body().contains("<d:href>" + dirCard + "</d:href>"), "the whole academy");
        assertFalse(academy.body().contains("<d:write>"), "read only");

        // sync-collection: everything at first, then only what changed, deletions included.
        HttpResponse<String> first = send("REPORT", book, basic(owner, app), sync(""));
        assertEquals(207, first.statusCode(), first.body());
        assertTrue(first.body().contains(uid + ".vcf"), first.body());
        String since0 = syncToken(first.body());
        String uid2 = "it-" + run + "-2";
        assertEquals(201, put(book + uid2 + ".vcf", basic(owner, app),
                card(uid2, "Inès", "Nouvelle" + run, null, null), "If-None-Match", "*").statusCode());
        assertEquals(204, send("DELETE", book + uid + ".vcf", basic(owner, app), null, "If-Match", etag2)
                .statusCode());
        HttpResponse<String> since = send("REPORT", book, basic(owner, app), sync(since0));
        assertEquals(207, since.statusCode(), since.body());
        assertTrue(Pattern.compile("<d:href>" + Pattern.quote(book + uid + ".vcf") + "</d:href>\\s*<d:status>HTTP/1.1"
                + " 404").matcher(since.body()).find(), "the deletion: " + since.body());
        assertTrue(since.body().contains(book + uid2 + ".vcf"), since.body());
        assertNotEquals(since0, syncToken(since.body()));
        HttpResponse<String> unknown = send("REPORT", book, basic(owner, app), sync("urn:x-preau:sync:contacts:"
                + 999_999_999));
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("valid-sync-token"), unknown.body());
    }

    @Test
    void vdirsyncerSyncsAPhoneBothWaysAndTheDirectoryReadOnly() throws Exception {
        String password = "Salle-des-maitres-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String username = "it.vdir-" + run;
        String address = TestUser.create(username, "Vianney", "Dirsync", password, false);
        long me = number("select id from account where address = ?", address);
        long colleague = ContactsBrowserIT.colleague("Girard" + run);
        PortalDatabase.update("update account set establishment_uai = '0389901A' where address = ?", address);
        Path dir = Files.createTempDirectory("vdirsyncer-");
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Path contacts = Files.createDirectories(phone.resolve("contacts"));
        Path directory = Files.createDirectories(phone.resolve("etablissement"));
        Path config = dir.resolve("config");
        Files.writeString(config, "[general]\nstatus_path = \"" + dir.resolve("status") + "/\"\n\n"
                + "[pair contacts]\na = \"phone\"\nb = \"portal\"\ncollections = [\"contacts\"]\n\n"
                + "[pair annuaire]\na = \"phone_directory\"\nb = \"portal_directory\"\n"
                + "collections = [\"etablissement\"]\n\n"
                + storage("phone", "type = \"filesystem\"\npath = \"" + phone + "/\"\nfileext = \".vcf\"")
                + storage("phone_directory", "type = \"filesystem\"\npath = \"" + phone + "/\"\nfileext = \".vcf\"")
                + storage("portal", carddav(address, appPassword(me)))
                + storage("portal_directory", carddav(address, appPassword(me)) + "\nread_only = true"));

        // Created on the phone: appears in the portal, unknown properties kept.
        String paul = "tel-" + run + "-paul";
        String lea = "tel-" + run + "-lea";
        Files.writeString(contacts.resolve(paul + ".vcf"), card(paul, "Paul", "Téléphone" + run,
                "paul" + run + "@exemple.fr", "X-PHONE-ONLY:garde-moi"));
        Files.writeString(contacts.resolve(lea + ".vcf"), card(lea, "Léa", "Portable" + run, null, null));
        // vdirsyncer refuses to empty a whole side in one sync: one card stays throughout.
        String zoe = "tel-" + run + "-zoe";
        Files.writeString(contacts.resolve(zoe + ".vcf"), card(zoe, "Zoé", "Reste" + run, null, null));
        vdirsyncer(config, "discover");
        vdirsyncer(config, "sync");
        assertEquals("Téléphone" + run, text("select last_name from contact where account_id = ? and uid = '"
                + paul + "'", me));
        assertEquals(3, number("select count(*) from contact where account_id = ?", me));

        // A second sync changes nothing, on either side.
        long token = number("select sync_token from contact_book where account_id = ?", me);
        List<String> files = snapshot(contacts);
        vdirsyncer(config, "sync");
        assertEquals(token, number("select sync_token from contact_book where account_id = ?", me));
        assertEquals(files, snapshot(contacts));

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);

            // Edited in the portal: the phone's file changes, and keeps what the portal does not show.
            openContact(browser, "telephone" + run);
            browser.click(By.id("card-actions:edit"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-form:title")));
            d.findElement(By.id("contact-form:title")).sendKeys("Professeur de musique");
            browser.click(By.id("contact-form:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-title"),
                    "Professeur de musique"));
            vdirsyncer(config, "sync");
            String synced = Files.readString(contacts.resolve(paul + ".vcf"));
            assertTrue(synced.contains("TITLE:Professeur de musique"), synced);
            assertTrue(synced.contains("X-PHONE-ONLY:garde-moi"), synced);

            // Deleted on the phone: gone from the portal.
            Files.delete(contacts.resolve(lea + ".vcf"));
            vdirsyncer(config, "sync");
            assertEquals(0, number("select count(*) from contact where account_id = ? and uid = '" + lea + "'",
                    me));

            // Deleted in the portal: gone from the phone.
            openContact(browser, "telephone" + run);
            browser.click(By.id("card-actions:delete"));
            browser.click(By.id("card-actions:confirm-yes"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("contacts-messages"), "est supprimé"));
        }
        vdirsyncer(config, "sync");
        assertFalse(Files.exists(contacts.resolve(paul + ".vcf")), "deleted in the portal, gone on the phone");
        assertEquals(List.of(zoe + ".vcf"), snapshot(contacts).stream().map(f -> f.substring(0, f.indexOf('\n')))
                .toList());

        // The directory of the establishment: its staff on the phone, the hidden personal phone nowhere; a card
        // written on the phone side stays there (the portal's book is read-only, and would refuse it: 403).
        long people = number("select count(*) from directory_person where disabled_at is null"
                + " and establishment_uai = '0389901A' and ? > 0", me);
        assertEquals(people, snapshot(directory).size());
        String girard = snapshot(directory).stream().filter(f -> f.contains("UID:urn:x-preau:annuaire:" + colleague))
                .filter(f -> f.contains("Girard" + run)).findFirst().orElseThrow();
        assertTrue(girard.contains("Girard" + run) && girard.contains("04 76 00 00 01"), girard);
        assertFalse(girard.contains("06 99 99 99 99"), girard);
        Files.writeString(directory.resolve("ajout.vcf"), card("ajout-" + run, "Ajout", "Telephone", null, null));
        vdirsyncer(config, "sync");
        assertEquals(0, number("select count(*) from directory_person where last_name = 'Telephone' and ? > 0", me));
        remove(dir);
    }

    private void openContact(Browser browser, String typed) {
        browser.driver().get(Browser.portal() + "/contacts?qui=" + typed);
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".contact-link")));
        browser.driver().findElement(By.cssSelector(".contact-link")).click();
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-actions:edit")));
    }

    private static String carddav(String address, String password) {
        return "type = \"carddav\"\nurl = \"" + Browser.portal() + "/dav/\"\nusername = \"" + address
                + "\"\npassword = \"" + password + "\"";
    }

    private static String card(String uid, String first, String last, String email, String extra) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + first + " " + last + "\r\nN:" + last + ";"
                + first + ";;;\r\n" + (email == null ? "" : "EMAIL;TYPE=INTERNET:" + email + "\r\n")
                + (extra == null ? "" : extra + "\r\n") + "END:VCARD\r\n";
    }

    private static String propfind(String props) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\""
                + " xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop>" + props + "</d:prop></d:propfind>";
    }

    private static String sync(String token) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token
                + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
    }

    private HttpResponse<String> put(String path, String authorization, String card, String... headers)
            throws Exception {
        return upload(VCARD, path, authorization, card, headers);
    }
}
