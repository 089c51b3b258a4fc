package org.deliveryprogress.support;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.identity.KeptIdentities;
import org.springframework.stereotype.Component;

/**
 * Does officers' work through the engine's public API, signed in as them, so that the engine's authorizations and
 * the application's rules apply as they do in Tasklist.
 */
@Component
public class Officers {

    private final IdentityService identityService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final KeptIdentities identities;

    Officers(IdentityService identityService, TaskService taskService, ManagementService managementService,
            KeptIdentities identities) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identities = identities;
    }

    /** Completes a task with its form's values, as plain variables, as the given user. */
    public void submit(String userId, Task task, Map<String, Object> values) {
        as(userId, () -> {
            taskService.complete(task.getId(), Variables.fromMap(values));
            return null;
        });
    }

    /**
     * Signs the user in, as Tasklist's login or their first request to the REST API does: their groups are read, and
     * kept for their next requests.
     */
    public void signIn(String userId) {
        identities.groupsOf(userId);
    }

    /**
     * Does work through the engine signed in as the user, with their groups, as Tasklist and the REST API do: their
     * groups as they keep them between requests.
     */
    public <T> T as(String userId, Supplier<T> work) {
        identityService.setAuthentication(userId, identities.groupsOf(userId));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public Task task(String processInstanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** Runs the process instance's jobs that are due, as the job executor would, until none is left. */
    public void runJobs(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list())
                .isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** Fires the process instance's timer now, whatever its due date. */
    public void fireTimer(String processInstanceId) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        managementService.executeJob(timer.getId());
    }
}
