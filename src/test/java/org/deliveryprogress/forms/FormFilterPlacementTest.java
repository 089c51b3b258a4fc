package org.deliveryprogress.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The form filter must run behind Camunda's authentication. The application tests show that it does; these show
 * what happens if it ever does not, which the running application cannot be made to do.
 */
@DisplayName("The form filter's place in front of the REST APIs")
class FormFilterPlacementTest {

    @Test
    @DisplayName("the application does not start if Camunda's webapp filters are not registered before it")
    void refusesToGoBeforeCamundasFilters() {
        assertThatThrownBy(() -> new FormsConfiguration()
                .formRequestFilterAfterCamundasFilters(null, null, null, null)
                .onStartup(new MockServletContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Authentication Filter");
    }

    @Test
    @DisplayName("with no one signed in it answers 401 to a start form's submission and touches nothing else")
    void answers401WithNoUser() throws Exception {
        // Signed in to no one; every other collaborator absent, so touching one would fail the test.
        IdentityService noOneSignedIn = mock(IdentityService.class);
        FormRequestFilter filter = new FormRequestFilter(null, noOneSignedIn, null, new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/camunda/api/engine/engine/default/process-definition/key/quarterlyCycle/submit-form");
        request.setContent("{\"variables\":{}}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("Sign in");
        assertThat(chain.getRequest()).as("passed on to the engine").isNull();
    }
}
