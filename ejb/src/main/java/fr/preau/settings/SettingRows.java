package fr.preau.settings;

import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code academy_setting}: a setting's raw text, written or removed as given. */
@ApplicationScoped
@Repository
public class SettingRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public Optional<String> value(String name) {
        List<?> rows = em.createNativeQuery("select value from academy_setting where name = ?1")
                .setParameter(1, name).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    public void put(String name, String value) {
        em.createNativeQuery("insert into academy_setting (name, value) values (?1, ?2) "
                + "on conflict (name) do update set value = excluded.value, updated_at = now()")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
    }

    public void remove(String name) {
        em.createNativeQuery("delete from academy_setting where name = ?1").setParameter(1, name).executeUpdate();
    }
}
