package org.deliveryprogress.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.deliveryprogress.identity.KeptIdentities;
import org.deliveryprogress.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Queues emails. A notification is a row written in the transaction of the work that causes it (a task assigned, a
 * reminder timer firing) and sent afterwards from the outbox by {@link Mailer}: mail trouble never fails or rolls back
 * an officer's work. The dedupe key makes each notification (a task's reminder for one slot, say) exist once.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcTemplate jdbc;
    private final NotificationRepository notifications;
    private final UserDirectory directory;
    private final MailRenderer renderer;
    private final Clock clock;
    private final String publicUrl;

    Notifications(JdbcTemplate jdbc, NotificationRepository notifications, UserDirectory directory,
            MailRenderer renderer, Clock clock, @Value("${delivery-progress.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.directory = directory;
        this.renderer = renderer;
        this.clock = clock;
        // Written "https://progress.example.org/", it would make links of two slashes before their path, which the
        // application refuses (400) as not normalised: every email's link would fail.
        this.publicUrl = StringUtils.trimTrailingCharacter(publicUrl, '/');
    }

    /**
     * Takes back the emails about the given tasks that have not gone yet (the mail server down, say): the tasks are
     * gone, and an email asking for one would come after the one saying it is no longer wanted.
     */
    public void withdrawUnsent(Collection<String> taskIds) {
        int withdrawn = taskIds.isEmpty() ? 0 : notifications.deleteUnsentAboutTasks(taskIds);
        if (withdrawn > 0) {
            log.info("Took back {} emails not sent yet about {} tasks now gone", withdrawn, taskIds.size());
        }
    }

    /**
     * Queues an email to a user, once per dedupe key; answers the state it is queued in (no address, or queued to be
     * sent). The model is kept, with the recipient's name and the application's address, for the kind's templates to
     * render when the email is sent ({@link MailRenderer}). The email is written to the outbox when the transaction
     * commits, with the others it queued ({@link QueuedInTransaction}), and not at all if a notification with its
     * dedupe key was queued before.
     */
    @Transactional
    public Notification.State queue(NotificationKind kind, String dedupeKey, String recipient, String subject,
            Map<String, Object> model) {
        Optional<KeptIdentities.Profile> user = directory.user(recipient);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("recipientName", user.map(KeptIdentities.Profile::name).orElse(recipient));
        variables.put("publicUrl", publicUrl);
        Notification notification = new Notification(dedupeKey, kind, recipient,
                user.map(KeptIdentities.Profile::email).orElse(null), subject, renderer.modelOf(variables),
                clock.instant());
        QueuedInTransaction.add(notification, jdbc);
        if (notification.getState() == Notification.State.NO_ADDRESS) {
            log.warn("No email address for user '{}': '{}' is not sent. Add one to their profile in Camunda Admin.",
                    recipient, subject);
        }
        return notification.getState();
    }

    /**
     * An email's link to a task: the application's page, which opens the task in Tasklist while it is open and says
     * who finished it once it is done (Tasklist itself answers a finished task with an engine error).
     */
    public String taskUrl(String taskId) {
        return publicUrl + "/tasks/" + taskId;
    }

    public String tasklistUrl() {
        return publicUrl + "/camunda/app/tasklist/default/";
    }

    public String planHistoryUrl(String planReference) {
        return publicUrl + "/plans/" + planReference + "/history";
    }
}
