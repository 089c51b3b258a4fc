package org.deliveryprogress.returns;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A task of a return completed by someone other than its assignee or candidates, or by no one signed in. An
 * authorization failure, so that Camunda's REST API answers 403 on whichever route the completion came.
 */
public class NotYourTaskException extends AuthorizationException {

    NotYourTaskException(String message) {
        super(message);
    }
}
