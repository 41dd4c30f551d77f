/** Settings of the academy (administration) and of each user (preferences). */
package fr.preau.settings;
