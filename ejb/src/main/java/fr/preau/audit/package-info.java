/** The audit log: who did what to which account, when, from where, and whether it worked. */
package fr.preau.audit;
