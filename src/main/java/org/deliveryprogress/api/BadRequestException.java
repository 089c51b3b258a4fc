package org.deliveryprogress.api;

/** A request whose content cannot be accepted; the message says what to change. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
