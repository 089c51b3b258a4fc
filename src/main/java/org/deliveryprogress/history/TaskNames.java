package org.deliveryprogress.history;

/** Task names carry the plan ("Submit update: CC-NI1 ..."); a plan's own pages name only the step. */
final class TaskNames {

    private TaskNames() {
    }

    static String step(String taskName) {
        return taskName == null ? null : taskName.replaceFirst(":.*", "");
    }
}
