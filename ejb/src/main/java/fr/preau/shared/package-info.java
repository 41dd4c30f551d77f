/**
 * What every feature shares: the failures a service reports to its callers (unavailable component, invalid input)
 * and the interceptor that turns infrastructure exceptions into them at the service boundary.
 */
package fr.preau.shared;
