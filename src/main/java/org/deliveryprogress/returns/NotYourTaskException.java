package org.deliveryprogress.returns;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A task of a return completed by someone other than its assignee or candidates, or by no one signed in, or an update
 * completed by its data-entry officer where the network has the lead officer submit, or a task delegated: an
 * authorization failure, which Camunda's REST API answers with a 403 (see {@link RefusalsUnwrapped}).
 */
public class NotYourTaskException extends AuthorizationException {

    NotYourTaskException(String message) {
        super(message);
    }
}
