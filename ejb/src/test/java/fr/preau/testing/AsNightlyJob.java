package fr.preau.testing;

import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Calls services as the nightly jobs do, under the role {@code batch} (docs/adr/0091). */
@Stateless
@RunAs("batch")
@PermitAll
public class AsNightlyJob {
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
