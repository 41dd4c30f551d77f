/**
 * The academy directory ("Annuaire", issue 12, DIR-1) and its import from the HR feed (DIR-4; docs/adr/0099,
 * docs/directory-feed.md): every staff member with function, discipline and establishment, searched by a few letters
 * across the academy. The feed is parsed here ({@link fr.preau.directory.HrFeed}, pure logic); the nightly job
 * {@code directory-import} (batch module) reads it a chunk at a time and applies it through
 * {@link fr.preau.directory.DirectoryImport}; pages search through {@link fr.preau.directory.Directory}.
 */
package fr.preau.directory;
