package org.deliveryprogress.shared;

/** Nothing by that name that the signed-in user may know of: another network's data is answered this way too. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
