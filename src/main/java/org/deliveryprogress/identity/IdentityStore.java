package org.deliveryprogress.identity;

import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's own store of users and groups, with the application's rules on changing it: whatever the route (Camunda
 * Admin, the REST API, Java), the engine's identity provider checks them inside its transaction. Users and groups
 * kept in LDAP are changed in the directory alone: the engine then writes none, and this stands aside.
 */
@Component
class IdentityStore extends AbstractProcessEnginePlugin {

    private final UsersAndGroupsInUse inUse;

    IdentityStore(UsersAndGroupsInUse inUse) {
        this.inUse = inUse;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Set by the LDAP plugin when the directory keeps the users.
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(new SessionFactory() {
                @Override
                public Class<?> getSessionType() {
                    return Checked.class;
                }

                @Override
                public Session openSession() {
                    return new Checked();
                }
            });
        }
    }

    /** The engine's identity store, checking the rules before it changes anything. */
    private final class Checked extends DbIdentityServiceProvider {

        @Override
        public IdentityOperationResult saveUser(User user) {
            boolean unchecked = !isAuthorizationEnabled() || !getCommandContext().isAuthorizationCheckEnabled();
            if (((UserEntity) user).getRevision() != 0
                    && !NamesKeptByAdministrators.mayChange(unchecked, getCommandContext().getAuthentication())) {
                NamesKeptByAdministrators.check(findUserById(user.getId()), user);
            }
            return super.saveUser(user);
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            // Who may not delete the user is told so, and nothing of the work.
            checkAuthorization(Permissions.DELETE, Resources.USER, userId);
            refuse(inUse.refusalToDeleteUser(userId));
            return super.deleteUser(userId);
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            checkAuthorization(Permissions.DELETE, Resources.GROUP, groupId);
            refuse(inUse.refusalToDeleteGroup(groupId));
            return super.deleteGroup(groupId);
        }

        /**
         * A membership of a user or group that does not exist: the engine refuses it with a NullValueException, which
         * Camunda's REST API answers with a 500.
         */
        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
            if (findUserById(userId) == null) {
                throw new NotFoundException("There is no user " + userId + ": create the user first, then add them "
                        + "to the group.");
            }
            if (findGroupById(groupId) == null) {
                throw new NotFoundException("There is no group " + groupId + ".");
            }
            return super.createMembership(userId, groupId);
        }

        private static void refuse(Optional<String> refusal) {
            refusal.ifPresent(words -> {
                throw new BadUserRequestException(words);
            });
        }
    }
}
