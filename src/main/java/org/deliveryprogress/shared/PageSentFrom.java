package org.deliveryprogress.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page of this application a browser names as a form's Referer: the page to send its user back to. Only the
 * Referer's path and query are to be taken, on this server: behind a proxy its scheme and host are not the request's.
 */
public final class PageSentFrom {

    private PageSentFrom() {
    }

    /** The page, if the Referer names one of this application's. */
    public static Optional<URI> of(HttpServletRequest form) {
        String referer = form.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI page = new URI(referer);
            String path = page.getRawPath();
            // "//elsewhere.example/" is another server's address, however it came to be a path here
            return path != null && path.startsWith(form.getContextPath() + "/") && !path.startsWith("//")
                    ? Optional.of(page) : Optional.empty();
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }
}
