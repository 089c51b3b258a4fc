package org.deliveryprogress.returns;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A task of a return completed by someone other than its assignee or candidates, or by no one signed in: an
 * authorization failure. The form filter answers 403 for it; thrown by a task listener, the engine wraps it.
 */
public class NotYourTaskException extends AuthorizationException {

    NotYourTaskException(String message) {
        super(message);
    }
}
