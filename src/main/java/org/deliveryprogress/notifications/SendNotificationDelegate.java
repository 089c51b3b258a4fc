package org.deliveryprogress.notifications;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class SendNotificationDelegate implements JavaDelegate {

    private final Mailer mailer;

    SendNotificationDelegate(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.send((Long) execution.getVariable(Mailer.NOTIFICATION_ID));
    }
}
