package org.deliveryprogress.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.deliveryprogress.shared.PageSentFrom;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A page's form sent once its officer is signed out. Their session ended (it expired, or they signed out of the pages
 * in another window), so the form's CSRF token is no longer the session's: Spring answered that with a bare 403, which
 * the error page showed as "You may not see or change this: Forbidden". Or they signed out of Tasklist, which keeps
 * the session: the sign-in then took them to the home page. Either way what they had written in the draft of an
 * update was lost. Such a form is sent to the sign-in instead, which says why, and which then takes the officer back
 * to the form's page, where the draft page shows again what was written (update-draft.html keeps it in the browser
 * until the server has it). A script's request, such as the draft's save on leaving, a page asked for signed out, and
 * every other refusal are answered as before.
 * <p>
 * A form whose token is not the session's while an officer is signed in comes from a page opened before they last
 * signed in, in this window or another (or from another site). The sign-in said they were signed out, which was then
 * untrue: the form's page is shown again instead, saying that nothing was done (the pages' header, layout.html).
 */
final class FormsSentSignedOut implements AccessDeniedHandler, AuthenticationEntryPoint {

    private static final String SIGN_IN_AGAIN = "/login?sessionEnded";
    private static final String NOT_SENT = "formOutOfDate";

    /** A browser's page asks for HTML; a script's request asks for any type, which does not count as asking for it. */
    private static final MediaTypeRequestMatcher PAGES = pages();

    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final AccessDeniedHandler otherRefusals = new AccessDeniedHandlerImpl();
    private final AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
    private final RequestCache pageToGoBackTo = new HttpSessionRequestCache();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (refusal instanceof CsrfException && PAGES.matches(request)) {
            if (SIGNED_IN.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                backToThePage(request, response);
            } else {
                signInAgain(request, response);
            }
        } else {
            otherRefusals.handle(request, response, refusal);
        }
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException signedOut)
            throws IOException, ServletException {
        if (HttpMethod.POST.matches(request.getMethod()) && PAGES.matches(request)) {
            signInAgain(request, response);
        } else {
            // A page asked for: Spring has kept it to go back to after the sign-in.
            signIn.commence(request, response, signedOut);
        }
    }

    private void signInAgain(HttpServletRequest form, HttpServletResponse response) throws IOException {
        pageToGoBackTo.saveRequest(thePage(form), response);
        response.sendRedirect(form.getContextPath() + SIGN_IN_AGAIN);
    }

    private static void backToThePage(HttpServletRequest form, HttpServletResponse response) throws IOException {
        HttpServletRequest page = thePage(form);
        String query = page.getQueryString();
        response.sendRedirect(page.getRequestURI() + "?" + (query == null ? "" : query + "&") + NOT_SENT);
    }

    /**
     * The page the form was sent from, asked for again: the sign-in sends the officer back to the request saved, and
     * replays its method and parameters, so the form itself would be sent again, and without the CSRF check it failed.
     * The page is the one the browser names as the form's Referer: a form's own address may answer its POST alone (a
     * plan's Retire, a network's Import), which after the sign-in was an error page.
     */
    private static HttpServletRequest thePage(HttpServletRequest form) {
        URI page = PageSentFrom.of(form).orElse(null);
        String path = page == null ? form.getRequestURI() : page.getRawPath();
        String query = page == null ? null : page.getRawQuery();
        String server = form.getRequestURL().substring(0, form.getRequestURL().length()
                - form.getRequestURI().length());
        return new HttpServletRequestWrapper(form) {
            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Map.of();
            }

            @Override
            public String getRequestURI() {
                return path;
            }

            @Override
            public String getQueryString() {
                return query;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(server).append(path);
            }

            @Override
            public String getServletPath() {
                return path.substring(form.getContextPath().length());
            }

            @Override
            public String getPathInfo() {
                return null;
            }
        };
    }

    private static MediaTypeRequestMatcher pages() {
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return pages;
    }
}
