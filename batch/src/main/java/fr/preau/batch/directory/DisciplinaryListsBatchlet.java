package fr.preau.batch.directory;

import fr.preau.batch.BatchRole;
import fr.preau.lists.DistributionLists;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Last step of directory-import: the disciplinary distribution lists get the members the directory now says
 * ({@link DistributionLists#recomputeDisciplinary}; docs/adr/0101). Idempotent: a second run changes nothing, and a
 * restarted import runs it again in full. Exit status {@code LISTS <members added or removed>}.
 */
@Named("disciplinaryListsBatchlet")
@Dependent
public class DisciplinaryListsBatchlet extends AbstractBatchlet {
    @EJB
    private BatchRole batch;

    @EJB
    private DistributionLists lists;

    @Override
    public String process() {
        return "LISTS " + batch.call(lists::recomputeDisciplinary);
    }
}
