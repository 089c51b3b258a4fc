/**
 * Charts drawn on the server as SVG, so that the same chart is in the page, the PDF and any later format: an
 * indicator's values against its targets and baseline, and a network's plans by status quarter by quarter. Each is
 * readable in black and white and has its figures in words. Uses {@code shared} only.
 */
package org.deliveryprogress.charts;
