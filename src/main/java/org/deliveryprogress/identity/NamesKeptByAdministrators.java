package org.deliveryprogress.identity;

import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Only administrators change a user's name and email address. Camunda grants every user it creates all rights on their
 * own user, so that they may change their password in its profile page, and with them their name and address: an
 * officer could have renamed themselves after a colleague, and the plans, emails, packs and history, which show
 * names, not user ids, would have put their work under the colleague's name. Everyone still changes their own
 * password. Checked by the engine's identity store ({@link IdentityStore}).
 */
final class NamesKeptByAdministrators {

    private NamesKeptByAdministrators() {
    }

    /** An administrator may, and so may the application's own calls, or anyone while authorization is off. */
    static boolean mayChange(boolean unchecked, Authentication by) {
        return unchecked || by == null || Viewer.of(by).isAdmin();
    }

    /** Refuses a change of the saved user's name or address. */
    static void check(User saved, User changed) {
        if (saved != null && !(Objects.equals(saved.getFirstName(), changed.getFirstName())
                && Objects.equals(saved.getLastName(), changed.getLastName())
                && Objects.equals(saved.getEmail(), changed.getEmail()))) {
            throw new AuthorizationException("Only an administrator changes a user's name and email address, which the "
                    + "plans, emails and history show: ask one to change yours. Your password you may change "
                    + "yourself.");
        }
    }
}
