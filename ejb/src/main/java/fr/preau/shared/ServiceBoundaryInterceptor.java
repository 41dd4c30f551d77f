package fr.preau.shared;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;

/**
 * Translates a database failure that escaped a service into {@link ServiceUnavailableException}, so that callers
 * deal with one kind of failure per component and never show a stack trace. Mail adapters translate their own
 * failures, since only they know whether IMAP or SMTP failed.
 */
@ServiceBoundary
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ServiceBoundaryInterceptor {
    private static final Logger LOG = Logger.getLogger(ServiceBoundaryInterceptor.class.getName());

    @AroundInvoke
    public Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (PersistenceException e) {
            throw unavailable(invocation, e);
        } catch (RuntimeException e) {
            if (isDatabaseFailure(e)) {
                throw unavailable(invocation, e);
            }
            throw e;
        }
    }

    private static ServiceUnavailableException unavailable(InvocationContext invocation, Exception e) {
        LOG.log(Level.WARNING, "Database unavailable in " + invocation.getMethod(), e);
        return new ServiceUnavailableException(Component.DATABASE, e);
    }

    static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof InvalidInputException
                    || t instanceof NotFoundException) {
                return false;
            }
            if (t instanceof SQLException || t instanceof PersistenceException
                    || t.getClass().getName().startsWith("org.hibernate.exception")
                    || t.getClass().getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
