/** "Mon compte": the signed-in user's security page (password, second factors, sessions) and session warnings. */
package fr.preau.web.account;
