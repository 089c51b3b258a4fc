package org.deliveryprogress.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's OpenAPI description (/v3/api-docs), browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI deliveryProgressApi() {
        return new OpenAPI()
                .info(new Info().title("Delivery Progress API").version("1")
                        .description("The register of networks, meetings and delivery plans, and its spreadsheet "
                                + "imports and exports. Sign in with your Camunda user id and password (HTTP Basic). "
                                + "Officers read the plans that name them; a network's managers read and change "
                                + "everything of their network; administrators everything. Officers' tasks are "
                                + "in Camunda's own REST API, /engine-rest."))
                .components(new Components().addSecuritySchemes("camunda",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("camunda"));
    }
}
