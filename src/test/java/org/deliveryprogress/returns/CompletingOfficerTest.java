package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.deliveryprogress.identity.TaskHolders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who may complete a return's task")
class CompletingOfficerTest {

    private final TaskHolders leadsWithClerk = new TaskHolders("lead", List.of("clerk"), List.of());

    @Test
    @DisplayName("one of its holders")
    void allowed() {
        CompletingOfficer.check("clerk", List.of(), leadsWithClerk);
    }

    @Test
    @DisplayName("not another officer, and not no one: the refusal says whose task it is")
    void refused() {
        assertThatThrownBy(() -> CompletingOfficer.check("judge", List.of(), leadsWithClerk))
                .isInstanceOf(NotYourTaskException.class)
                .hasMessageStartingWith("This task is for lead, not for judge");
        assertThatThrownBy(() -> CompletingOfficer.check(null, List.of(), leadsWithClerk))
                .isInstanceOf(NotYourTaskException.class).hasMessageContaining("someone not signed in");
    }

    @Test
    @DisplayName("the network's setting on data-entry officers concerns the update's data-entry officer alone, not "
            + "one who is also its lead officer")
    void dataEntryOfficerOnly() {
        assertThat(CompletingOfficer.isDataEntryOfficerOnly("clerk", "lead", "clerk")).isTrue();
        assertThat(CompletingOfficer.isDataEntryOfficerOnly("lead", "lead", "clerk")).isFalse();
        assertThat(CompletingOfficer.isDataEntryOfficerOnly("lead", "lead", "lead")).as("both at once").isFalse();
        assertThat(CompletingOfficer.isDataEntryOfficerOnly("lead", "lead", null)).isFalse();
        assertThat(CompletingOfficer.isDataEntryOfficerOnly("judge", "lead", "clerk")).isFalse();
    }
}
