package org.deliveryprogress.notifications;

/** What an email is about; each kind has its templates under templates/mail and templates/mail-text. */
public enum NotificationKind {
    /** A task's request, when it becomes an officer's and in its reminders: the same template, another first line. */
    TASK_ASSIGNED("request"),
    REMINDER("request"),
    REMEDIAL_ACTIONS_AGREED("request"),
    DRAFT_HANDED_TO_LEAD("request"),
    ESCALATION("escalation"),
    CYCLE_CLOSED("cycle-closed"),
    CYCLE_WITHDRAWN("request"),
    MISSING_ADDRESS("missing-address");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
