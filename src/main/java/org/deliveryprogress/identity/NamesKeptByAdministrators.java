package org.deliveryprogress.identity;

import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Only administrators change a user's name and email address. Camunda grants every user it creates all rights on their
 * own user, so that they may change their password in its profile page, and with them their name and address: an
 * officer could have renamed themselves after a colleague, and the plans, emails, packs and history, which show
 * names, not user ids, would have put their work under the colleague's name. Everyone still changes their own
 * password. Users kept in LDAP are changed in the directory alone: the engine then writes none, and this stands aside.
 */
@Component
class NamesKeptByAdministrators extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(new SessionFactory() {
                @Override
                public Class<?> getSessionType() {
                    return NamesCheckedOnSave.class;
                }

                @Override
                public Session openSession() {
                    return new NamesCheckedOnSave();
                }
            });
        }
    }

    /** Camunda's own identity store, refusing a change of name or address but from an administrator. */
    private static final class NamesCheckedOnSave extends DbIdentityServiceProvider {

        @Override
        public IdentityOperationResult saveUser(User user) {
            if (((UserEntity) user).getRevision() != 0 && !mayChangeNames()) {
                UserEntity saved = findUserById(user.getId());
                if (saved != null && !(Objects.equals(saved.getFirstName(), user.getFirstName())
                        && Objects.equals(saved.getLastName(), user.getLastName())
                        && Objects.equals(saved.getEmail(), user.getEmail()))) {
                    throw new AuthorizationException("Only an administrator changes a user's name and email address, "
                            + "which the plans, emails and history show: ask one to change yours. Your password you "
                            + "may change yourself.");
                }
            }
            return super.saveUser(user);
        }

        private boolean mayChangeNames() {
            CommandContext commandContext = getCommandContext();
            return !isAuthorizationEnabled() || !commandContext.isAuthorizationCheckEnabled()
                    || commandContext.getAuthentication() == null
                    || Viewer.of(commandContext.getAuthentication()).isAdmin();
        }
    }
}
