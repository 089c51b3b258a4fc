package org.deliveryprogress.returns;

import java.util.Arrays;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.identity.OwnAccounts;
import org.springframework.stereotype.Component;

/**
 * The rights the engine gives on each task of a return as it is created, beyond Camunda's defaults (its assignee
 * and candidates may work on it):
 * <ul>
 * <li>the network's managers may read every task of their network's returns, and no other network's: that is
 * their "All open work of my network" filter;</li>
 * <li>the officers of a plan's update may hand it to each other in Tasklist. The update is assigned to the lead
 * officer, and the data-entry officer is a candidate who may write it for them; but Tasklist lets only the assignee
 * fill in a form, and officers' task permission (TASK_WORK) lets a candidate claim only a task that nobody has. So
 * on the Submit update task alone, whoever is its assignee or a candidate may also assign it (TASK_ASSIGN): the
 * data-entry officer takes it with the × beside the lead officer's name and then Claim, and either gives it back the
 * same way. TASK_ASSIGN would let them change the task in other ways too (its due date, who it is offered to):
 * {@link ReturnTaskChangeListener} refuses all but handing it to each other. Every other task keeps TASK_WORK only:
 * no officer can reassign a judgement or remedial actions.</li>
 * <li>the network's managers may likewise hand an agreement of remedial actions to each other: it comes to one of
 * them without a claim ({@code AgreeingManager}), and another takes it over with the × and Claim.</li>
 * </ul>
 * The same provider narrows the engine's grant to each new user on their own account ({@link OwnAccounts}).
 * <p>
 * The engine deletes a task's authorizations with the task. A task being created has none in the database yet (its
 * id is new), so its grants are made without looking there first, which the engine would do for each.
 */
@Component
class TaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        /**
         * The state of a task from its construction until the engine fires its creation (TaskEntity.TaskState's
         * STATE_INIT, whose value the enum does not expose); a task read from the database is at least "Created".
         */
        private static final String BEING_CREATED = "Init";

        /** A user's own account, theirs to read and change, not to delete ({@link OwnAccounts}). */
        @Override
        public AuthorizationEntity[] newUser(User user) {
            AuthorizationEntity[] grants = super.newUser(user);
            Arrays.stream(grants).forEach(OwnAccounts::narrow);
            return grants;
        }

        @Override
        public AuthorizationEntity[] newTask(Task task) {
            // The managers are the agreement's candidates already: a second grant to them would be a duplicate.
            if (task instanceof TaskEntity entity && entity.getExecution() != null
                    && !ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS.equals(entity.getExecution().getActivityId())
                    && entity.getExecution().getVariable(ReturnVariables.NETWORK_MANAGER_GROUP)
                            instanceof String group) {
                AuthorizationEntity managersRead = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                managersRead.setGroupId(group);
                managersRead.setResource(Resources.TASK);
                managersRead.setResourceId(task.getId());
                managersRead.addPermission(TaskPermissions.READ);
                insertWhenCommandCloses(managersRead);
                return null;
            }
            return super.newTask(task);
        }

        /**
         * Inserts the grant as the engine's command closes, after the grants the engine makes itself as each task is
         * created (its assignee's and candidates': users' grants all). MariaDB's driver sends a JDBC batch of rows as
         * bulk statements, and starts a new one at a row with a value where the bulk's first row has none, as a
         * group's grant has a group where a user's has none. The engine writes a table's rows in the order of their
         * ids, which it hands out as they are inserted: made with each task, the managers' grants fell between the
         * officers' and a batch of returns' grants went as about two statements a return. Made at close, they come
         * after every user's grant, with the managers' grants on the batch's instances ({@code ReturnProcess}).
         */
        private static void insertWhenCommandCloses(AuthorizationEntity grant) {
            Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext commandContext) {
                    // As the engine saves the grants a provider returns: whoever's command this is, it is not
                    // theirs to grant.
                    commandContext.runWithoutAuthorization(() -> {
                        commandContext.getAuthorizationManager().insert(grant);
                        return null;
                    });
                }

                @Override
                public void onCommandFailed(CommandContext commandContext, Throwable failure) {
                    // The command's transaction is rolled back: there is nothing to write.
                }
            });
        }

        @Override
        protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
                Resource resource, boolean isHistoric, Permission... permissions) {
            if (!isHistoric && Resources.TASK.equals(resource) && ((userId != null
                    && ReturnVariables.TASK_SUBMIT_UPDATE.equals(task.getTaskDefinitionKey()))
                    || (groupId != null
                            && ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS.equals(task.getTaskDefinitionKey())))) {
                permissions = Arrays.copyOf(permissions, permissions.length + 1);
                permissions[permissions.length - 1] = TaskPermissions.TASK_ASSIGN;
            }
            if (BEING_CREATED.equals(task.getTaskState())) {
                AuthorizationEntity authorization = createAuthorization(userId, groupId, resource, task.getId(),
                        permissions);
                if (isHistoric) {
                    provideRemovalTime(authorization, task);
                }
                return authorization;
            }
            return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
        }
    }
}
