package org.deliveryprogress.identity;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Only administrators run or change the engine's jobs (the cycles' timers, their batches, the reminders' timers, the
 * history clean-up); the job executor runs them as no one. The engine alone would let others do harm through the REST
 * API and Cockpit:
 * <ul>
 * <li>a job run by a user without the right to is refused (403) only after the engine has taken the job for the
 * run, and the refusal is then counted as the job's failure: it loses a retry and is due again 30 seconds later,
 * when the job executor runs it. So a network's manager, who may read its cycle's close timer, could close the cycle
 * weeks early, and anyone could spend a timer's retries until it stopped with an incident;</li>
 * <li>a job that belongs to no process (the history clean-up) is checked against no right at all: any user could
 * delete or suspend it.</li>
 * </ul>
 * Such a command from a signed-in user who is not an administrator is refused before the engine takes the job, and the
 * engine's record of the refusal as a failure is skipped.
 */
@Component
class JobsForAdministrators extends AdministratorsCommands {

    /** The engine's commands that run or change jobs (checked by name by a test: a renamed one would be missed). */
    static final Set<String> JOB_COMMANDS = Set.of("ExecuteJobsCmd", "DeleteJobCmd", "SetJobRetriesCmd",
            "SetJobsRetriesBatchCmd", "SetJobsRetriesByProcessBatchCmd", "SetJobDuedateCmd",
            "RecalculateJobDuedateCmd", "SetJobPriorityCmd", "SetJobDefinitionPriorityCmd", "SuspendJobCmd",
            "ActivateJobCmd", "SuspendJobDefinitionCmd", "ActivateJobDefinitionCmd");

    /** The engine's record of a job run's failure, which it writes after a refused run too. */
    static final String FAILED_JOB_LISTENER = "FailedJobListener";

    JobsForAdministrators() {
        super(Stream.concat(JOB_COMMANDS.stream(), Stream.of(FAILED_JOB_LISTENER))
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    String refusal(String userId) {
        return userId + " may not run or change the engine's jobs: only administrators may.";
    }

    /** The failure of a run refused above is not recorded: the job has not run, and keeps its retries and due date. */
    @Override
    <T> T refuse(Command<T> command, String userId) {
        return FAILED_JOB_LISTENER.equals(command.getClass().getSimpleName()) ? null : super.refuse(command, userId);
    }
}
