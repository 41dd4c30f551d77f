package fr.preau.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.identity.AdministeredAccounts;
import fr.preau.mail.MailAddress;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Distribution lists and who may manage them (issue 12, item 3; docs/adr/0101). A {@code projet} list is managed
 * by its owners only (any user creates one and owns it); an {@code etablissement} list by the academy administrators
 * and the administrators of its establishment; {@code fonctionnelle} and {@code disciplinaire} lists by the academy
 * administrators only. A list the caller may not manage gets the same {@link NotFoundException} as a list that does
 * not exist, and nothing changes. Postfix delivers and checks posting from the tables this service writes.
 */
@Stateless
@RolesAllowed({"user", "admin", "etab-admin"})
@ServiceBoundary
public class DistributionLists {
    static final int MAX_NAME = 200;
    static final int MAX_DISCIPLINE = 100;
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");
    private static final Pattern DEPARTEMENT = Pattern.compile("[0-9]{2}[0-9AB]");

    @Resource
    private SessionContext context;

    @Inject
    private ListRows rows;

    @EJB
    private AccountService accounts;

    @EJB
    private AdministeredAccounts administered;

    /** The lists the caller manages (owned, co-owned, or of the kinds their role manages), by name. */
    public List<DistributionList> managed() {
        Map<Long, DistributionList> all = new LinkedHashMap<>();
        me().ifPresent(id -> rows.owned(id).forEach(l -> all.put(l.id(), l)));
        if (context.isCallerInRole("admin")) {
            rows.ofKinds(List.of(ListKind.FONCTIONNELLE.code(), ListKind.ETABLISSEMENT.code(),
                    ListKind.DISCIPLINAIRE.code()), null).forEach(l -> all.put(l.id(), l));
        } else if (context.isCallerInRole("etab-admin")) {
            rows.ofKinds(List.of(ListKind.ETABLISSEMENT.code()), ownEstablishments())
                    .forEach(l -> all.put(l.id(), l));
        }
        return new ArrayList<>(all.values());
    }

    /** The kinds of list the caller may create. */
    public List<ListKind> creatableKinds() {
        if (context.isCallerInRole("admin")) {
            return List.of(ListKind.values());
        }
        List<ListKind> kinds = new ArrayList<>();
        if (context.isCallerInRole("etab-admin")) {
            kinds.add(ListKind.ETABLISSEMENT);
        }
        if (me().isPresent()) {
            kinds.add(ListKind.PROJET);
        }
        return kinds;
    }

    /**
     * List {@code id}.
     *
     * @throws NotFoundException no such list, or one the caller does not manage
     */
    public DistributionList card(long id) {
        return managedList(id);
    }

    /**
     * The members of list {@code id}.
     *
     * @throws NotFoundException as {@link #card}
     */
    public List<ListMember> members(long id) {
        return rows.members(managedList(id).id());
    }

    /**
     * The owners of list {@code id} (only a {@code projet} list has any).
     *
     * @throws NotFoundException as {@link #card}
     */
    public List<ListOwner> owners(long id) {
        return rows.owners(managedList(id).id());
    }

    /**
     * Creates a list; the caller owns a {@code projet} list. A disciplinary list gets its members from the directory
     * at once, and again after each import.
     *
     * @throws InvalidInputException an address that is not of the academy's domains or already an account's, an
     *     alias or a list's ({@code lists.address.taken}); no name; a kind the caller may not create; an establishment
     *     outside the caller's; a disciplinary list without discipline or scope. Nothing is created.
     */
    public DistributionList create(ListDraft draft) {
        if (draft == null || draft.kind() == null) {
            throw new InvalidInputException("kind", "lists.kind.required", null);
        }
        ListKind kind = draft.kind();
        if (!creatableKinds().contains(kind)) {
            throw new InvalidInputException("kind", "lists.kind.forbidden", kind.code());
        }
        String address = address(draft.address());
        String name = name(draft.name());
        String uai = blankToNull(draft.establishmentUai());
        String discipline = null;
        String departement = null;
        if (kind == ListKind.ETABLISSEMENT) {
            establishment(uai);
            if (!context.isCallerInRole("admin") && !ownEstablishments().contains(uai)) {
                throw new InvalidInputException("establishment", "lists.establishment.forbidden", uai);
            }
        } else if (kind == ListKind.DISCIPLINAIRE) {
            discipline = blankToNull(draft.discipline());
            if (discipline == null || discipline.length() > MAX_DISCIPLINE) {
                throw new InvalidInputException("discipline", "lists.discipline.required", null);
            }
            departement = blankToNull(draft.departement());
            if ((uai == null) == (departement == null)) {
                throw new InvalidInputException("establishment", "lists.scope.required", null);
            }
            if (uai != null) {
                establishment(uai);
            } else if (!DEPARTEMENT.matcher(departement).matches()) {
                throw new InvalidInputException("departement", "lists.departement.invalid", departement);
            }
        } else {
            uai = null;
        }
        PostingRule posting = draft.posting() == null ? PostingRule.MEMBERS : draft.posting();
        long id = rows.insert(new ListDraft(address, name, kind, uai, discipline, departement, posting));
        if (kind == ListKind.PROJET) {
            rows.addOwner(id, me().orElseThrow(() -> new NotFoundException("account.missing", caller())));
        } else if (kind == ListKind.DISCIPLINAIRE) {
            rows.recompute(id);
        }
        return rows.one(id).orElseThrow();
    }

    /**
     * Renames list {@code id} and sets who may post.
     *
     * @throws NotFoundException as {@link #card}
     * @throws InvalidInputException no name, or too long; nothing is changed
     */
    public DistributionList update(long id, String name, PostingRule posting) {
        DistributionList list = managedList(id);
        String n = name(name);
        if (posting == null) {
            throw new InvalidInputException("posting", "lists.posting.required", null);
        }
        rows.update(list.id(), n, posting);
        return rows.one(id).orElseThrow();
    }

    /**
     * Makes list {@code id} moderated or not (ADR 0101): from the next message on, its mail waits for an approval
     * on the lists' page, or goes straight to the members.
     *
     * @throws NotFoundException as {@link #card}
     */
    public DistributionList moderate(long id, boolean moderated) {
        rows.moderate(managedList(id).id(), moderated);
        return rows.one(id).orElseThrow();
    }

    /**
     * Deletes list {@code id}: its address stops working at once.
     *
     * @throws NotFoundException as {@link #card}
     */
    public void delete(long id) {
        rows.delete(managedList(id).id());
    }

    /**
     * Adds a member to list {@code id}: an account (by its address or an alias), another list the caller manages too
     * (so that nobody widens who may post to a list they do not manage), or an address outside the academy.
     *
     * @throws NotFoundException as {@link #card}
     * @throws InvalidInputException (field {@code member}) not an address; an academy address of nobody; a list the
     *     caller does not manage; already a member; a disciplinary list (its members come from the directory)
     */
    public ListMember addMember(long id, String typed) {
        DistributionList list = managedList(id);
        if (list.kind() == ListKind.DISCIPLINAIRE) {
            throw new InvalidInputException("member", "lists.member.computed", null);
        }
        String address = memberAddress(typed);
        Long account = null;
        Long member = null;
        String external = null;
        if (rows.academyDomain(domain(address))) {
            Optional<Long> a = rows.accountOf(address);
            if (a.isPresent()) {
                account = a.get();
            } else {
                member = rows.listOf(address)
                        .orElseThrow(() -> new InvalidInputException("member", "lists.member.unknown", address));
                if (!manages(rows.one(member).orElseThrow())) {
                    throw new InvalidInputException("member", "lists.member.listForbidden", address);
                }
            }
        } else {
            external = address;
        }
        long added = rows.addMember(list.id(), account, member, external)
                .orElseThrow(() -> new InvalidInputException("member", "lists.member.already", address));
        return rows.members(list.id()).stream().filter(m -> m.id() == added).findFirst().orElseThrow();
    }

    /**
     * Removes member row {@code member} from list {@code id}.
     *
     * @throws NotFoundException as {@link #card}, or no such member in this list
     * @throws InvalidInputException a disciplinary list (its members come from the directory)
     */
    public void removeMember(long id, long member) {
        DistributionList list = managedList(id);
        if (list.kind() == ListKind.DISCIPLINAIRE) {
            throw new InvalidInputException("member", "lists.member.computed", null);
        }
        if (!rows.removeMember(list.id(), member)) {
            throw new NotFoundException("lists.member.missing", String.valueOf(member));
        }
    }

    /**
     * Makes the account of this address (or alias) a co-owner of {@code projet} list {@code id}.
     *
     * @throws NotFoundException as {@link #card}
     * @throws InvalidInputException (field {@code owner}) not a {@code projet} list; no account has this address;
     *     already an owner
     */
    public void addOwner(long id, String typed) {
        DistributionList list = managedList(id);
        if (list.kind() != ListKind.PROJET) {
            throw new InvalidInputException("owner", "lists.owner.projectOnly", null);
        }
        String address = memberAddress(typed);
        long account = rows.accountOf(address)
                .orElseThrow(() -> new InvalidInputException("owner", "lists.owner.unknown", address));
        if (!rows.addOwner(list.id(), account)) {
            throw new InvalidInputException("owner", "lists.owner.already", address);
        }
    }

    /**
     * Removes owner {@code account} from list {@code id}; the last owner stays.
     *
     * @throws NotFoundException as {@link #card}, or the account does not own the list
     * @throws InvalidInputException (field {@code owner}) the last owner
     */
    public void removeOwner(long id, long account) {
        DistributionList list = managedList(id);
        if (!rows.isOwner(list.id(), account)) {
            throw new NotFoundException("lists.owner.missing", String.valueOf(account));
        }
        if (!rows.removeOwner(list.id(), account)) {
            throw new InvalidInputException("owner", "lists.owner.last", null);
        }
    }

    /**
     * Makes every disciplinary list's members what the directory says now (the end of each directory import); a
     * second run changes nothing. Returns how many members were added or removed in all.
     */
    @RolesAllowed("batch")
    public int recomputeDisciplinary() {
        int changed = 0;
        for (long id : rows.disciplinary()) {
            changed += rows.recompute(id);
        }
        return changed;
    }

    private DistributionList managedList(long id) {
        return rows.one(id).filter(this::manages).orElseThrow(() -> new NotFoundException("lists.missing",
                String.valueOf(id)));
    }

    private boolean manages(DistributionList list) {
        switch (list.kind()) {
            case PROJET:
                return me().map(a -> rows.isOwner(list.id(), a)).orElse(false);
            case ETABLISSEMENT:
                return context.isCallerInRole("admin") || context.isCallerInRole("etab-admin")
                        && ownEstablishments().contains(list.establishmentUai());
            default:
                return context.isCallerInRole("admin");
        }
    }

    private Set<String> ownEstablishments() {
        return administered.establishments().orElse(Set.of());
    }

    private Optional<Long> me() {
        return accounts.findEnabled(caller()).map(Account::getId);
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    private String address(String typed) {
        String a = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        if (at < 1 || !LOCAL_PART.matcher(a.substring(0, at)).matches() || !MailAddress.isValid(a)) {
            throw new InvalidInputException("address", "lists.address.invalid", typed);
        }
        if (!rows.academyDomain(domain(a))) {
            throw new InvalidInputException("address", "lists.address.domain", a);
        }
        if (rows.addressTaken(a)) {
            throw new InvalidInputException("address", "lists.address.taken", a);
        }
        return a;
    }

    private static String memberAddress(String typed) {
        String a = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (a.length() > 254 || !MailAddress.isValid(a)) {
            throw new InvalidInputException("member", "lists.member.invalid", typed);
        }
        return a;
    }

    private static String name(String typed) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "lists.name.required", null);
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "lists.name.tooLong", String.valueOf(MAX_NAME));
        }
        return n;
    }

    private void establishment(String uai) {
        if (uai == null || !UAI.matcher(uai).matches() || !rows.establishmentExists(uai)) {
            throw new InvalidInputException("establishment", "lists.establishment.unknown", uai);
        }
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
