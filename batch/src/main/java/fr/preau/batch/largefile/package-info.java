/** Job purge-large-files: expired download links lose their files. */
package fr.preau.batch.largefile;
