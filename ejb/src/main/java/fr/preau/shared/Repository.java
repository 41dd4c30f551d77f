package fr.preau.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that reads or writes PostgreSQL (JPA or native SQL): the SQL of a feature lives in its repositories,
 * not in its services (issue 10, item 2; docs/adr/0085). A repository checks no caller: the service that uses it
 * does. {@code ArchitectureTest} fails on SQL run outside a repository, and {@code WebArchitectureTest} on a page
 * that reaches a repository without its service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Repository {
}
