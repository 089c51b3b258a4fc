package org.deliveryprogress.returns;

import java.util.List;
import java.util.stream.Stream;

/**
 * An update as its judging officer reads it: its three texts and each answer of its evidence in words. Kept with a
 * send-back, and read again from the update the lead officer sends in answer, so that the two compare item by item
 * ({@link ChangesSinceSendBack}).
 */
record UpdateSeen(String achievements, String plannedActivities, String blockages, List<AnswerSeen> answers) {

    static UpdateSeen of(PlanReturn planReturn, EvidenceView evidence) {
        Stream<AnswerSeen> indicators = evidence.indicators().stream()
                .map(line -> new AnswerSeen("indicator " + line.code(), line.label(),
                        withNote(line.valueShown(), line.note())));
        Stream<AnswerSeen> actions = evidence.actions().stream()
                .map(line -> new AnswerSeen("action " + line.reference(), line.label(),
                        withNote(line.status(), line.note())));
        Stream<AnswerSeen> followUps = evidence.followUps().stream()
                .map(line -> new AnswerSeen("remedial action " + line.remedialActionId(), line.action(),
                        withNote(line.stateInWords(), line.note())));
        return new UpdateSeen(planReturn.getAchievements(), planReturn.getPlannedActivities(),
                planReturn.getBlockages(), Stream.of(indicators, actions, followUps).flatMap(answers -> answers)
                        .toList());
    }

    ReturnUpdate texts() {
        return new ReturnUpdate(achievements, plannedActivities, blockages);
    }

    private static String withNote(String answer, String note) {
        return note == null ? answer : answer + "; note: " + note;
    }
}
