package org.deliveryprogress.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.engine.ConfigurationLists;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Users' groups, tenants and profiles, kept for a few minutes ({@code delivery-progress.identity.kept-for}) as
 * Camunda's webapps keep a signed-in user's groups in a session:
 * <ul>
 * <li>the groups and tenants of the users who sign in, so that the REST API and the application's API, which take
 * HTTP Basic on every request, do not read them again on every request, as Tasklist and Cockpit do not. The password
 * is still checked on every request;</li>
 * <li>the names and email addresses of the officers whom emails go to and name, read on most completions;</li>
 * <li>the members of the groups whose tasks and emails go to all their members (a network's managers).</li>
 * </ul>
 * A membership, user, group or tenant that the engine creates, changes or deletes empties what is kept, at once and
 * again as its transaction ends, so that a removed membership takes effect on the next request (as it would not in a
 * session Tasklist already holds). Changes made in LDAP are seen within the time kept, as in the webapps.
 */
@Component
public class KeptIdentities extends AbstractProcessEnginePlugin {

    /** The engine's commands that change what is kept (checked by name by a test: a renamed one would be missed). */
    static final Set<String> CHANGING_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "CreateMembershipCmd",
            "DeleteMembershipCmd", "DeleteGroupCmd", "CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
            "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd", "DeleteTenantCmd");

    private final Cache<String, Memberships> memberships;
    private final Cache<String, Optional<Profile>> profiles;
    private final Cache<String, List<String>> members;
    private IdentityService identityService;

    KeptIdentities(@Value("${delivery-progress.identity.kept-for}") Duration keptFor) {
        memberships = Caffeine.newBuilder().expireAfterWrite(keptFor).maximumSize(100_000).build();
        profiles = Caffeine.newBuilder().expireAfterWrite(keptFor).maximumSize(100_000).build();
        members = Caffeine.newBuilder().expireAfterWrite(keptFor).maximumSize(10_000).build();
    }

    /** The user's groups and tenants, as the identity service had them at most the time kept ago. */
    Memberships membershipsOf(String userId) {
        return memberships.get(userId, this::readMemberships);
    }

    public List<String> groupsOf(String userId) {
        return membershipsOf(userId).groups();
    }

    /** The user's name and email address; nothing if there is no such user. */
    Optional<Profile> profileOf(String userId) {
        return profiles.get(userId, this::readProfile);
    }

    /** The ids of the group's members; none if there is no such group. */
    List<String> membersOf(String groupId) {
        return members.get(groupId, this::readMembers);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new ForgetOnChange()));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        identityService = processEngine.getIdentityService();
    }

    private Memberships readMemberships(String userId) {
        return AsApplication.run(identityService, () -> new Memberships(
                identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList()));
    }

    private Optional<Profile> readProfile(String userId) {
        return AsApplication.run(identityService, () -> Optional
                .ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(user -> new Profile(user.getId(), UserDirectory.fullName(user), user.getEmail())));
    }

    private List<String> readMembers(String groupId) {
        return AsApplication.run(identityService, () -> identityService.createUserQuery().memberOfGroup(groupId)
                .list().stream().map(User::getId).toList());
    }

    private void forgetAll() {
        memberships.invalidateAll();
        profiles.invalidateAll();
        members.invalidateAll();
    }

    /** A user's groups and tenants. */
    record Memberships(List<String> groups, List<String> tenants) {
    }

    /** A user as emails and pages name them: their id as the identity store spells it, name and email address. */
    public record Profile(String id, String name, String email) {
    }

    /**
     * Empties what is kept after a command that changes it, and again when the transaction it ran in ends: a request
     * in between might have read what the transaction had not committed yet.
     */
    private final class ForgetOnChange extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (CHANGING_COMMANDS.contains(command.getClass().getSimpleName())) {
                forgetAll();
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forgetAll();
                        }
                    });
                }
            }
            return result;
        }
    }
}
