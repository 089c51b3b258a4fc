package org.deliveryprogress.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.engine.AsApplication;
import org.springframework.stereotype.Component;

/**
 * Officers' names and email addresses, from their Camunda user profiles. Mail is queued inside an officer's own
 * transaction (completing a task), and officers may not read other users: the look-up is made as the application.
 */
@Component
public class UserDirectory {

    private final IdentityService identityService;
    private final KeptIdentities identities;

    UserDirectory(IdentityService identityService, KeptIdentities identities) {
        this.identityService = identityService;
        this.identities = identities;
    }

    /** The user's name and email address, as kept for a few minutes; nothing if there is no such user. */
    public Optional<KeptIdentities.Profile> user(String userId) {
        return identities.profileOf(userId);
    }

    /** The ids of the group's members, as kept for a few minutes. */
    public List<String> membersOf(String groupId) {
        return identities.membersOf(groupId);
    }

    /** The names of many users at once, by user id; an id without a user stands for itself. */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            asApplication(() -> identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list())
                    .forEach(user -> names.put(user.getId(), fullName(user)));
        }
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    /** The user's name, as kept for a few minutes: their id if there is no such user, and null for no one. */
    public String nameOf(String userId) {
        return userId == null ? null : user(userId).map(KeptIdentities.Profile::name).orElse(userId);
    }

    private <T> T asApplication(Supplier<T> work) {
        return AsApplication.run(identityService, work);
    }

    static String fullName(User user) {
        String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
