package fr.preau.mail;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The academy's mail domains (table {@code mail_domain}), the ones Postfix delivers to Dovecot. */
@ApplicationScoped
@Repository
public class MailDomains {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Whether {@code domain} is an active domain of the academy, or a subdomain of one. */
    public boolean coversDomain(String domain) {
        Number n = (Number) em.createNativeQuery("select count(*) from mail_domain where active and "
                + "(name = ?1 or ?1 like '%.' || name)").setParameter(1, domain).getSingleResult();
        return n.intValue() > 0;
    }

    /** Whether {@code name} is itself an active domain of the academy (not a subdomain of one). */
    public boolean isActive(String name) {
        return ((Number) em.createNativeQuery("select count(*) from mail_domain where active and name = ?1")
                .setParameter(1, name).getSingleResult()).intValue() > 0;
    }
}
