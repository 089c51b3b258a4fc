package org.deliveryprogress.notifications;

/** What an email is about; each kind has its templates under templates/mail and templates/mail-text. */
public enum NotificationKind {
    TASK_ASSIGNED("task-assigned"),
    REMINDER("reminder"),
    ESCALATION("escalation"),
    CYCLE_CLOSED("cycle-closed"),
    MISSING_ADDRESS("missing-address");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
