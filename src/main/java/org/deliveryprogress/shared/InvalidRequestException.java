package org.deliveryprogress.shared;

import java.util.Optional;

/** A request whose content cannot be accepted; the message says what to change. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String message) {
        this(message, null);
    }

    /** Refused for what is in one field of a form, named as the form names it: its page links the refusal there. */
    public InvalidRequestException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The field the refusal is about; none when it is about the request as a whole. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
