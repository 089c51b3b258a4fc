package org.deliveryprogress.notifications;

/**
 * An email its own process could not send; the process tries again, and ends in an incident when the tries are spent.
 * Its message names the email by its id and its recipient's user id (whose address an administrator looks up), not by
 * its address or subject, which the log and Cockpit's incident would keep.
 */
class MailNotSentException extends RuntimeException {

    MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
