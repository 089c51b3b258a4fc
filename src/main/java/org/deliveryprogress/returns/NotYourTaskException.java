package org.deliveryprogress.returns;

import java.util.List;

/** Someone other than the task's assignee or candidates tried to complete it. */
public class NotYourTaskException extends SubmissionRejectedException {

    NotYourTaskException(String message) {
        super(List.of(message));
    }
}
