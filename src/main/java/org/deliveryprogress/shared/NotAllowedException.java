package org.deliveryprogress.shared;

/** Something the signed-in user may know of, but not read or change. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
