package org.deliveryprogress.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's OpenAPI description (/v3/api-docs), browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** The answer every operation may give instead of its own, described once (components) and named by each. */
    private static final String REFUSAL = "Refusal";

    @Bean
    OpenAPI deliveryProgressApi() {
        return new OpenAPI()
                .info(new Info().title("Delivery Progress API").version("1")
                        .description("The register of networks, meetings and delivery plans, and its spreadsheet "
                                + "imports and exports. Sign in with your Camunda user id and password (HTTP Basic). "
                                + "Officers read the plans that name them; a network's managers read and change "
                                + "everything of their network; administrators everything. Officers' tasks are "
                                + "in Camunda's own REST API, /engine-rest. A refusal is answered with its status "
                                + "and problem details (RFC 9457, application/problem+json), whose detail says "
                                + "what to fix."))
                .components(new Components().addSecuritySchemes("camunda",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("camunda"));
    }

    /**
     * Every operation's refusals, as the API answers them ({@link ApiProblems}, {@link ApiAddresses},
     * {@link UnsupportedContentTypes}, the sign-in's): problem details. Springdoc describes an operation's own answer
     * only, so a client read of the description alone knew of no refusal and of no shape to read one with.
     */
    @Bean
    OpenApiCustomizer refusalsAsProblemDetails() {
        return api -> {
            api.getComponents()
                    .addSchemas("ProblemDetail", problemDetail())
                    .addResponses(REFUSAL, new ApiResponse().description("""
                            Refused, saying why in `detail`: 400 a request that cannot be read or that breaks a rule \
                            of the register (an import's mistakes are listed in `problems`, and as fields in \
                            `errors`), 401 not signed in or a wrong password, 403 not yours to see or change, 404 no \
                            such thing (another network's plans and networks answer so too) or no such address, 405 \
                            a method the address does not take, 406 an answer of a type the request does not \
                            accept, 409 in conflict with what is stored, 413 an upload over the limits, 415 a body \
                            of a type the address does not take.""")
                            .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    new io.swagger.v3.oas.models.media.MediaType().schema(
                                            new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation
                    .getResponses().addApiResponse("4XX",
                            new ApiResponse().$ref("#/components/responses/" + REFUSAL))));
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemDetail() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("file", new StringSchema(), "line", new IntegerSchema(),
                "column", new StringSchema(), "message", new StringSchema()));
        Schema problem = new ObjectSchema().description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Not Found"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().description("What is wrong, and what to do")
                .example("There is no plan CC-X."));
        problem.addProperty("instance", new StringSchema().description("The path the request was sent to"));
        problem.addProperty("problems", new ArraySchema().items(new StringSchema())
                .description("An import refused: every mistake, as file, line, column: what is wrong"));
        problem.addProperty("errors", new ArraySchema().items(error)
                .description("An import refused: every mistake, as fields"));
        return problem;
    }
}
