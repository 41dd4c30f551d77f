/** Password recovery through a personal address (ADR 0065): its registration and the public reset pages. */
package fr.preau.web.recovery;
