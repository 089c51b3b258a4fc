package org.deliveryprogress.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the application's pages and Camunda's webapps (Tasklist, Cockpit), which share the servlet session.
 * Who is signed in is what Camunda's webapps keep in the session: the pages read it on every request, and their own
 * sign-in form writes it. Signing in to either signs in to both; signing out of either signs out of both (Tasklist's
 * Sign out removes its user from the session, the pages' sign-out ends the session). Before, each kept its own: a
 * sign-in to Tasklist starts a new session (against session fixation), which signed the officer out of the pages,
 * and an email's link to a task took three sign-ins.
 */
@Component
class SharedSignIn {

    private final ProcessEngine engine;
    private final CamundaUsers users;

    SharedSignIn(ProcessEngine engine, CamundaUsers users) {
        this.engine = engine;
        this.users = users;
    }

    /** For the pages' filter chain: the user Camunda's webapps signed in, for this request. */
    OncePerRequestFilter signedInByCamunda() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication signedIn = session == null ? null
                        : AuthenticationUtil.getAuthsFromSession(session)
                                .getAuthenticationForProcessEngine(engine.getName());
                if (signedIn != null) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(users.signedIn(signedIn.getIdentityId()));
                    SecurityContextHolder.setContext(context);
                }
                chain.doFilter(request, response);
            }

            /**
             * The error page too, which Tomcat renders in a dispatch of its own once the request's filters have
             * finished, and with them its user: it showed no one signed in and no Sign out.
             */
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
    }

    /** After the pages' sign-in form: the user is signed in to Camunda's webapps as well, then sent on. */
    AuthenticationSuccessHandler signInToCamunda() {
        SavedRequestAwareAuthenticationSuccessHandler sendOn = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, authentication.getName());
            if (camunda != null) {
                HttpSession session = request.getSession();
                Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
                signedIn.addOrReplace(camunda);
                AuthenticationUtil.updateSession(session, signedIn);
            }
            sendOn.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
