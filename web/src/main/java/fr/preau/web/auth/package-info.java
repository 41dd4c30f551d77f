/** Sign-out: ends the portal session and the identity provider's session. */
package fr.preau.web.auth;
