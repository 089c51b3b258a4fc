package org.deliveryprogress.notifications;

import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.springframework.stereotype.Component;

/**
 * An email its own process could not send is told in one line by {@link Mailer}; the engine's lines for the job's
 * failure (two, with the whole stack, on each of its five tries, for every email while the mail server is down) are
 * left out.
 */
@Component
class MailFailuresOutOfTheEngineLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return causedBy(failure, MailNotSentException.class::isInstance);
    }
}
