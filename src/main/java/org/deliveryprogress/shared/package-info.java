/**
 * What every feature may use and that belongs to none: dates as the partnership reads them, the refusals a request
 * can meet (the web layer, {@code web}, answers each with its HTTP status), and the page a form was sent from.
 * Depends on no other package.
 */
package org.deliveryprogress.shared;
