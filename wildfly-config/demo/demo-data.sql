-- Préau — demo data for the local stack (bin/preau start, once per PREAU_HOME).
-- Idempotent: every insert skips rows that already exist, so running it
-- twice changes nothing. Keycloak holds the matching users (same usernames,
-- see wildfly-config/keycloak/preau-realm.json); the mail itself is saved
-- into Dovecot from wildfly-config/demo/mail/.

insert into mail_domain (name, active) values
    ('ac-preau.fr', true)
on conflict do nothing;

insert into establishment (uai, name, town) values
    ('0380089T', 'Lycée Champollion', 'Grenoble'),
    ('0382236K', 'Collège Jean Moulin', 'Voiron')
on conflict do nothing;

insert into account (username, address, display_name, establishment_uai, quota_class) values
    ('marie.dupont',   'marie.dupont@ac-preau.fr',   'Marie Dupont',   '0380089T', 'standard'),
    ('jean.martin',    'jean.martin@ac-preau.fr',    'Jean Martin',    '0380089T', 'standard'),
    ('jean.martin2',   'jean.martin2@ac-preau.fr',   'Jean Martin',    '0382236K', 'standard'),
    ('sophie.bernard', 'sophie.bernard@ac-preau.fr', 'Sophie Bernard', '0382236K', 'standard'),
    ('luc.moreau',     'luc.moreau@ac-preau.fr',     'Luc Moreau',     '0382236K', 'etendu'),
    ('nadia.haddad',   'nadia.haddad@ac-preau.fr',   'Nadia Haddad',   null,       'etendu')
on conflict do nothing;

-- The security team's functional mailbox: receives the "Indésirable" and "Hameçonnage" reports
-- (academy setting mail.report.address, default securite@ac-preau.fr).
insert into account (username, address, display_name, establishment_uai, quota_class) values
    ('securite', 'securite@ac-preau.fr', 'Cellule sécurité académique', null, 'fonctionnelle')
on conflict do nothing;

-- The system mailbox that sends password recovery mail (academy setting identity.recovery.sender, default
-- ne-pas-repondre@ac-preau.fr, ADR 0065): the portal submits as it through Dovecot's master user.
insert into account (username, address, display_name, establishment_uai, quota_class) values
    ('ne-pas-repondre', 'ne-pas-repondre@ac-preau.fr', 'Messagerie académique', null, 'fonctionnelle')
on conflict do nothing;
