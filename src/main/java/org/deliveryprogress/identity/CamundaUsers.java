package org.deliveryprogress.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in to the application's API and pages with their Camunda user id and password, whichever identity
 * provider the engine has (its own tables or LDAP). Their Camunda groups become their authorities, so the
 * application's data is guarded by the same groups as the engine's; they are kept between requests by
 * {@link KeptIdentities}.
 */
@Component
class CamundaUsers implements AuthenticationProvider {

    private final IdentityService identityService;
    private final KeptIdentities identities;

    CamundaUsers(IdentityService identityService, KeptIdentities identities) {
        this.identityService = identityService;
        this.identities = identities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(password instanceof String text)
                || !identityService.checkPassword(userId, text)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        // The id as the identity store spells it: MariaDB (and most directories) match ids in any case, and the
        // application compares them with the plans' officers exactly.
        return signedIn(identities.profileOf(userId).map(KeptIdentities.Profile::id).orElse(userId));
    }

    /** A user whose password was checked already, here or by Camunda's webapps, with their groups. */
    Authentication signedIn(String userId) {
        List<SimpleGrantedAuthority> groups = identities.groupsOf(userId).stream().map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
