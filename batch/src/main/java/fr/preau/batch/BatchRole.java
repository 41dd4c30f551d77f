package fr.preau.batch;

import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/**
 * The door through which the nightly jobs call the services: what runs inside {@link #call} calls them under the
 * role {@code batch} that those services require (docs/adr/0091), whoever started the job (the scheduler's timer,
 * which has no user, or an administrator on the jobs page). No page can reach it: it is a local bean of the batch
 * module.
 */
@Stateless
@RunAs("batch")
@PermitAll
public class BatchRole {
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
