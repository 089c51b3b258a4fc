package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who holds a task")
class TaskHoldersTest {

    @Test
    @DisplayName("reads the candidate users and groups of a task's links, and nothing else")
    void readsCandidates() {
        TaskHolders holders = TaskHolders.of(null, List.of(link(IdentityLinkType.CANDIDATE, "clerk", null),
                link(IdentityLinkType.CANDIDATE, null, "scn-managers"), link(IdentityLinkType.OWNER, "lead", null)));

        assertThat(holders).isEqualTo(new TaskHolders(null, List.of("clerk"), List.of("scn-managers")));
    }

    @Test
    @DisplayName("its assignee and named candidates may work on it; a group's members only while no one has it")
    void include() {
        TaskHolders offered = new TaskHolders(null, List.of("clerk"), List.of("scn-managers"));
        TaskHolders taken = new TaskHolders("manager2", List.of("clerk"), List.of("scn-managers"));

        assertThat(offered.include("manager", List.of("scn-managers"))).isTrue();
        assertThat(taken.include("manager", List.of("scn-managers"))).isFalse();
        assertThat(taken.include("manager2", List.of())).isTrue();
        assertThat(taken.include("clerk", List.of())).isTrue();
        assertThat(offered.include(null, List.of("scn-managers"))).as("no one signed in").isFalse();
    }

    @Test
    @DisplayName("says whom it waits for")
    void describe() {
        assertThat(new TaskHolders("lead", List.of(), List.of()).describe()).isEqualTo("lead");
        assertThat(new TaskHolders(null, List.of(), List.of("scn-managers")).describe())
                .isEqualTo("a member of scn-managers");
    }

    private static IdentityLink link(String type, String userId, String groupId) {
        IdentityLinkEntity link = new IdentityLinkEntity();
        link.setType(type);
        link.setUserId(userId);
        link.setGroupId(groupId);
        return link;
    }
}
