package org.deliveryprogress.plans;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The statuses an action has in the register: the words of the register's spreadsheets and paper action plans, and
 * "behind", which an update reports and the register then keeps. What an action's status decides (whether the next
 * update asks about it, whether its missed deadline counts against the plan) is read from these words, so a
 * spreadsheet's "Done" is read as completed rather than kept as a status no rule knows.
 */
public final class ActionStatus {

    static final String NOT_STARTED = "not started";
    static final String ON_TRACK = "on track";
    public static final String BEHIND = "behind";
    static final String COMPLETED = "completed";
    static final String UPDATE_REQUESTED = "update requested";
    static final String REMOVED = "removed";
    static final List<String> ALL = List.of(NOT_STARTED, ON_TRACK, BEHIND, COMPLETED, UPDATE_REQUESTED, REMOVED);
    /**
     * How an action stands, as an update answers: all but "update requested", which is the network asking for that
     * answer, not one (left as the answer, the register went on asking).
     */
    public static final List<String> ANSWERS = List.of(NOT_STARTED, ON_TRACK, BEHIND, COMPLETED, REMOVED);

    /**
     * Other words for them, as action plans write them. Only those that cannot mean anything else: "planned" or
     * "agreed" could be an action not started or one on track, so they are refused and the writer chooses.
     */
    private static final Map<String, String> SAME_AS = Map.ofEntries(
            Map.entry("not yet started", NOT_STARTED),
            Map.entry("ongoing", ON_TRACK),
            Map.entry("on going", ON_TRACK),
            Map.entry("in progress", ON_TRACK),
            Map.entry("on schedule", ON_TRACK),
            Map.entry("on target", ON_TRACK),
            Map.entry("delayed", BEHIND),
            Map.entry("behind schedule", BEHIND),
            Map.entry("off track", BEHIND),
            Map.entry("complete", COMPLETED),
            Map.entry("done", COMPLETED),
            Map.entry("finished", COMPLETED),
            Map.entry("achieved", COMPLETED),
            Map.entry("deleted", REMOVED),
            Map.entry("withdrawn", REMOVED),
            Map.entry("cancelled", REMOVED),
            Map.entry("canceled", REMOVED));

    private ActionStatus() {
    }

    /**
     * The register's status that {@code written} says, in any letter case, with its words joined by blanks, hyphens
     * or underscores and a full stop after it ("Not-started", "Done."); empty when it says none of them.
     */
    public static Optional<String> read(String written) {
        String words = written.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip().replaceAll("\\.+$", "");
        return ALL.contains(words) ? Optional.of(words) : Optional.ofNullable(SAME_AS.get(words));
    }

    /** The register's status of that name, in any letter case, as a return's answer must give it. */
    public static Optional<String> named(String status) {
        return ALL.stream().filter(known -> known.equalsIgnoreCase(status)).findFirst();
    }

    /** What to write instead of a status the register does not know, for an import's refusal. */
    public static String choices() {
        return "write one of \"" + String.join("\", \"", ALL) + "\" (\"Done\" is read as completed, \"Ongoing\" as on "
                + "track, \"Delayed\" as behind, \"Withdrawn\" as removed); a remark beside it goes in milestones";
    }

    /** Whether an action so reported is done with: completed or removed, in any letter case. */
    public static boolean isFinished(String status) {
        return COMPLETED.equalsIgnoreCase(status) || REMOVED.equalsIgnoreCase(status);
    }
}
