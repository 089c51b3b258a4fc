package org.deliveryprogress.shared;

/** A request whose content cannot be accepted; the message says what to change. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
