/**
 * The portal: Faces views and the few servlets that adapt HTTP to the services of the {@code ejb} module. Views
 * hold UI state only; every action is one service call.
 */
package fr.preau.web;
