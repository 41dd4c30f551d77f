/**
 * What every response carries and every request is checked for: the security headers and the content security policy
 * (ADR 0072), the same-origin check of state-changing requests, and the audit of sign-ins.
 */
package fr.preau.web.security;
