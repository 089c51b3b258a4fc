package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A return's tasks show the forms of the release running, whichever release opened the return: the running release
 * fills them in ({@code ReturnForms}) and checks what they send, so a form of an earlier release could ask for what
 * it no longer takes, or leave out what it now needs.
 */
@ApplicationTest
@DisplayName("The forms of a return open when a new release is deployed")
class FormsOfTheReleaseRunningTest {

    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;

    @Test
    @DisplayName("are the new release's")
    void areTheNewReleases() throws IOException {
        ProcessInstance planReturn = openReturns.of(networks.create(1));
        Task update = officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE);
        String released = new ClassPathResource("forms/submitUpdate.form").getContentAsString(StandardCharsets.UTF_8);
        String nextRelease = released.replace("## Your update for this quarter", "## Your update, as released next");

        Deployment next = repositoryService.createDeployment().name("the next release's forms")
                .addString("submitUpdate.form", nextRelease).deploy();
        try {
            assertThat(formOf(update)).contains("## Your update, as released next");
        } finally {
            repositoryService.deleteDeployment(next.getId(), true);
        }
        assertThat(formOf(update)).as("the release's own again").contains("## Your update for this quarter");
    }

    private String formOf(Task task) throws IOException {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
