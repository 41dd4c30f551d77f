/** What every view shares: user feedback, the signed-in user, formatting. */
package fr.preau.web.shared;
