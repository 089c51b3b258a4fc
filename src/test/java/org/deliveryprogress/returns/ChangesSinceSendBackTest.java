package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.deliveryprogress.returns.ChangesSinceSendBack.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the answer to a send-back changed")
class ChangesSinceSendBackTest {

    @Test
    @DisplayName("tells apart two remedial actions of the same words, each compared with its own follow-up")
    void remedialActionsOfTheSameWords() {
        UpdateSeen sentBack = seen(Evidence.FollowUpState.done, Evidence.FollowUpState.inProgress);
        UpdateSeen answered = seen(Evidence.FollowUpState.inProgress, Evidence.FollowUpState.inProgress);

        assertThat(ChangesSinceSendBack.compared(sentBack, answered)).as("the first action's follow-up changed")
                .containsExactly(new Change("Monthly review with the police", "Done", "In progress"));
    }

    /** An update following up two remedial actions agreed last quarter, worded alike, with the given states. */
    private static UpdateSeen seen(Evidence.FollowUpState first, Evidence.FollowUpState second) {
        LocalDate due = LocalDate.of(2027, 1, 29);
        return UpdateSeen.of(new PlanReturn(), new EvidenceView(List.of(), List.of(), List.of(
                new EvidenceView.FollowUpLine(17L, "Monthly review with the police", "Police", due, first, null),
                new EvidenceView.FollowUpLine(18L, "Monthly review with the police", "Council", due, second, null))));
    }
}
