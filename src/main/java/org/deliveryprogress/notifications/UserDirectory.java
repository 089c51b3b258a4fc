package org.deliveryprogress.notifications;

import java.util.List;
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

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<User> user(String userId) {
        return asApplication(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult()));
    }

    public List<User> membersOf(String groupId) {
        return asApplication(() -> identityService.createUserQuery().memberOfGroup(groupId).list());
    }

    public String nameOf(String userId) {
        return user(userId).map(user -> (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName()))
                .strip()).filter(name -> !name.isEmpty()).orElse(userId);
    }

    <T> T asApplication(Supplier<T> work) {
        return AsApplication.run(identityService, work);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
