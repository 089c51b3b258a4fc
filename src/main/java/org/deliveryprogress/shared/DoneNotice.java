package org.deliveryprogress.shared;

/**
 * What a page's form has just done (a deadline moved, a network saved, a pack produced ...), said on the page the
 * browser is sent back to, takes the focus there as a refusal does, so that a screen reader reads it out: until 7
 * December 2026 it was only shown, and announced to no one. The page shows it with {@code fragments/layout :: done}
 * (its id {@code done}, tabindex -1), and the redirect's address ends with {@link #FOCUSED}, which the browser
 * focuses as the page opens.
 */
public final class DoneNotice {

    /** The end of the address a successful form is sent back to. */
    public static final String FOCUSED = "#done";

    private DoneNotice() {
    }
}
