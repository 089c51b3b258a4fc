package org.deliveryprogress.api;

/** Something the signed-in user may know of, but not read or change. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
