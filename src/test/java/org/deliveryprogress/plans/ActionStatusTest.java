package org.deliveryprogress.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionStatusTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "on track, on track",
            "On Track, on track",
            "on-track, on track",
            "' not_started. ', not started",
            "Not yet started, not started",
            "Ongoing, on track",
            "On-going, on track",
            "In progress, on track",
            "Delayed, behind",
            "behind, behind",
            "Done, completed",
            "Complete, completed",
            "COMPLETED, completed",
            "Update requested, update requested",
            "Withdrawn, removed",
            "Cancelled, removed"})
    @DisplayName("A status is read in any letter case and spacing, and in the other words action plans use")
    void aStatusIsReadAsTheRegistersWords(String written, String status) {
        assertThat(ActionStatus.read(written)).contains(status);
    }

    @ParameterizedTest(name = "\"{0}\" is not read")
    @ValueSource(strings = {"Planned", "Agreed", "Completed (check with Mick for write up)", "Ongoing until "
            + "September 2010", "on track?", ""})
    @DisplayName("Words that could mean more than one status, or more than a status, are not read as one")
    void wordsThatAreNotJustAStatusAreNotRead(String written) {
        assertThat(ActionStatus.read(written)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"completed", "Completed", "removed", "REMOVED"})
    @DisplayName("A completed or removed action is finished, in any letter case, so no update asks about it")
    void completedAndRemovedActionsAreFinished(String status) {
        assertThat(ActionStatus.isFinished(status)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"on track", "behind", "not started", "update requested", "Planned"})
    @DisplayName("Any other status leaves the action open, a status the register could not read included")
    void otherStatusesAreNotFinished(String status) {
        assertThat(ActionStatus.isFinished(status)).isFalse();
    }
}
