package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the lead officer's answer to an update's latest send-back changed in it, against what the judging officer read
 * when sending it back: each text, and each answer of the evidence, that differs, as it was and as it is. The return's
 * own columns hold only the update as it is now, so without the send-back's copy the judge had to remember the rest.
 */
public record ChangesSinceSendBack(String sentBy, Instant sentAt, String question, List<Change> changes) {

    /** A text or an answer that changed: what it is, as the judge read it then, and as it is now. */
    public record Change(String what, String before, String now) {
    }

    private static final String NOT_GIVEN = "Not given.";

    /**
     * Empty unless the update has come back since its latest send-back (it waits for its lead officer while sent
     * back, and a cycle may close on it then) and that send-back kept what the judge read: those made before
     * 6 December 2026 kept nothing.
     */
    public static Optional<ChangesSinceSendBack> of(PlanReturn planReturn, EvidenceView evidence) {
        if (planReturn.getState() == ReturnState.SENT_BACK || planReturn.getWaitingAtClose() == ReturnState.SENT_BACK) {
            return Optional.empty();
        }
        return planReturn.lastSendBack(SendBack.Kind.UPDATE).flatMap(sendBack -> sendBack.updateSeen()
                .map(seen -> new ChangesSinceSendBack(sendBack.getSentBy(), sendBack.getSentAt(),
                        sendBack.getComment(), compared(seen, UpdateSeen.of(planReturn, evidence)))));
    }

    static List<Change> compared(UpdateSeen before, UpdateSeen now) {
        List<Change> changes = new ArrayList<>();
        for (UpdateText text : UpdateText.values()) {
            text(changes, text.label(), text.of(before.texts()), text.of(now.texts()));
        }
        // Answers kept before keys were compare by their words; those kept since, by their keys.
        Function<AnswerSeen, String> key = before.answers().stream().allMatch(answer -> answer.getItemKey() != null)
                ? AnswerSeen::getItemKey : AnswerSeen::getItem;
        Map<String, AnswerSeen> was = byKey(before.answers(), key);
        Map<String, AnswerSeen> is = byKey(now.answers(), key);
        is.forEach((itemKey, answer) -> {
            AnswerSeen earlier = was.get(itemKey);
            if (earlier == null || !answer.getAnswer().equals(earlier.getAnswer())) {
                changes.add(new Change(answer.getItem(), earlier == null ? NOT_GIVEN : earlier.getAnswer(),
                        answer.getAnswer()));
            }
        });
        was.forEach((itemKey, answer) -> {
            if (!is.containsKey(itemKey)) {
                changes.add(new Change(answer.getItem(), answer.getAnswer(), NOT_GIVEN));
            }
        });
        return changes;
    }

    /** A text left empty and one never given read the same to the judge. */
    private static void text(List<Change> changes, String what, String before, String now) {
        if (!Objects.equals(Objects.requireNonNullElse(before, ""), Objects.requireNonNullElse(now, ""))) {
            changes.add(new Change(what, Objects.requireNonNullElse(before, NOT_GIVEN),
                    Objects.requireNonNullElse(now, NOT_GIVEN)));
        }
    }

    private static Map<String, AnswerSeen> byKey(List<AnswerSeen> answers, Function<AnswerSeen, String> key) {
        return answers.stream().collect(Collectors.toMap(key, Function.identity(), (first, second) -> second,
                LinkedHashMap::new));
    }
}
