package fr.preau.contacts.carddav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.StructuredName;
import fr.preau.directory.DirectoryEntry;

/**
 * A person of the directory as a read-only card (pure logic): name, academic address, work phone, the personal
 * phone only when its owner shows it (as on the page "Annuaire"), function and discipline, establishment and town.
 * Its ETag is a digest of the card, so it changes exactly when what a colleague may see changes.
 */
final class DirectoryCards {
    private DirectoryCards() {
    }

    /** The card of {@code person}, seen by a colleague. */
    static DavCard card(DirectoryEntry person) {
        DirectoryEntry p = person.seenByColleagues();
        VCard card = new VCard();
        card.setUid(new ezvcard.property.Uid("urn:x-preau:annuaire:" + p.id()));
        card.setFormattedName(p.displayName());
        StructuredName n = new StructuredName();
        n.setFamily(p.lastName());
        n.setGiven(p.firstName());
        card.setStructuredName(n);
        if (p.address() != null) {
            card.addEmail(p.address(), EmailType.WORK);
        }
        if (p.workPhone() != null) {
            card.addTelephoneNumber(p.workPhone(), TelephoneType.WORK);
        }
        if (p.personalPhone() != null) {
            card.addTelephoneNumber(p.personalPhone(), TelephoneType.HOME);
        }
        card.setOrganization(p.establishment());
        card.addTitle(p.function().french() + (p.discipline() == null ? "" : " — " + p.discipline()));
        if (p.town() != null) {
            Address adr = new Address();
            adr.setLocality(p.town());
            card.addAddress(adr);
        }
        String text = Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
        return new DavCard(p.id() + ".vcf", etag(text), text);
    }

    /** The id of the person a card name names, or -1. */
    static long person(String name) {
        if (name == null || !name.endsWith(".vcf") || name.length() > 24) {
            return -1;
        }
        String digits = name.substring(0, name.length() - 4);
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) ? Long.parseLong(digits) : -1;
    }

    static String etag(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
