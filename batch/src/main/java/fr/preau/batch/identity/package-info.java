/** Nightly identity work: unused provisional passwords expire, administrators without MFA are asked to enrol. */
package fr.preau.batch.identity;
