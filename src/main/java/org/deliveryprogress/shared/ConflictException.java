package org.deliveryprogress.shared;

/** A change that would clash with what is there: a second network with the same code, a meeting with a cycle. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
