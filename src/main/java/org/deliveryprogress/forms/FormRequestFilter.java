package org.deliveryprogress.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.deliveryprogress.cycles.CycleStartForm;
import org.deliveryprogress.cycles.CycleVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the cycle's start form in Tasklist, behind the authentication of both REST APIs (see
 * {@link FormsConfiguration}). Tasklist never loads variables for a start form, so the meetings a manager may open a
 * cycle for are written into the form itself when it loads; a start is checked first, to answer 400 or 403 with what
 * to fix. The engine checks the start again ({@code CycleService}), whatever the route: this filter is a convenience,
 * not a guard. A return's tasks need nothing here: the engine itself serves and checks their forms
 * ({@code returns.ReturnWritePath}).
 */
class FormRequestFilter extends OncePerRequestFilter {

    private static final String API = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern START = Pattern.compile(
            API + "/process-definition/(key/[^/]+|[^/]+)/(deployed-start-form|form-variables|submit-form|start)$");

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CycleStartForm startForm;
    private final ObjectMapper objectMapper;

    FormRequestFilter(RepositoryService repositoryService, IdentityService identityService, CycleStartForm startForm,
            ObjectMapper objectMapper) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.startForm = startForm;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        Matcher start = START.matcher(path);
        if (start.matches() && identityService.getCurrentAuthentication() == null) {
            // Camunda's authentication runs first and answers 401 itself; this is in case it ever does not.
            reject(response, HttpStatus.UNAUTHORIZED, "Sign in: a form is read or submitted only as a signed-in "
                    + "user.");
            return;
        }
        try {
            if (start.matches() && isCycleStart(start.group(1))) {
                handleStart(start.group(2), request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        } catch (NotJsonException e) {
            reject(response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getMessage());
        }
    }

    private void handleStart(String action, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        if (action.equals("deployed-start-form") && "GET".equals(request.getMethod())) {
            addChoices(startForm.formData(identityService.getCurrentAuthentication()), request, response, chain);
        } else if (action.equals("form-variables") && "GET".equals(request.getMethod())) {
            addFormData(startForm.formData(identityService.getCurrentAuthentication()), request, response, chain);
        } else if ("POST".equals(request.getMethod())) {
            ObjectNode body = readBody(request);
            try {
                startForm.check(plainValues(variablesOf(body)), identityService.getCurrentAuthentication());
            } catch (AuthorizationException e) {
                reject(response, HttpStatus.FORBIDDEN, e.getMessage());
                return;
            } catch (ProcessEngineException e) {
                reject(response, HttpStatus.BAD_REQUEST, e.getMessage());
                return;
            }
            chain.doFilter(new BodyRequest(request, objectMapper.writeValueAsBytes(body)), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean isCycleStart(String definition) {
        if (definition.startsWith("key/")) {
            return definition.equals("key/" + CycleVariables.PROCESS_KEY);
        }
        try {
            ProcessDefinition processDefinition = repositoryService.getProcessDefinition(definition);
            return CycleVariables.PROCESS_KEY.equals(processDefinition.getKey());
        } catch (ProcessEngineException notFoundOrNotAllowed) {
            return false;
        }
    }

    /** Adds the form data to the variables the engine returns. */
    private void addFormData(Map<String, Object> formData, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        rewriteJson(request, response, chain, variables -> formData.forEach((name, value) -> variables.set(name,
                variableDto(value))));
    }

    /**
     * Tasklist never loads variables for a start form, so options computed on the server are written into the form
     * itself: a component whose {@code valuesKey} names an entry of the form data gets those values.
     */
    private void addChoices(Map<String, Object> formData, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        rewriteJson(request, response, chain, form -> setChoices(form, formData));
    }

    private void setChoices(ObjectNode component, Map<String, Object> formData) {
        JsonNode valuesKey = component.get("valuesKey");
        if (valuesKey != null && formData.containsKey(valuesKey.asText())) {
            component.remove("valuesKey");
            component.set("values", objectMapper.valueToTree(formData.get(valuesKey.asText())));
        }
        if (component.get("components") instanceof ArrayNode children) {
            children.forEach(child -> {
                if (child instanceof ObjectNode childComponent) {
                    setChoices(childComponent, formData);
                }
            });
        }
    }

    private void rewriteJson(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            Consumer<ObjectNode> rewrite) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() == HttpStatus.OK.value()
                && objectMapper.readTree(captured.getContentAsByteArray()) instanceof ObjectNode object) {
            rewrite.accept(object);
            captured.resetBuffer();
            captured.getOutputStream().write(objectMapper.writeValueAsBytes(object));
        }
        captured.copyBodyToResponse();
    }

    /** A value as Camunda's REST API renders a variable: texts as String, maps and lists as serialized Json. */
    private ObjectNode variableDto(Object value) {
        ObjectNode dto = objectMapper.createObjectNode();
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            dto.put("type", value instanceof String ? "String" : value instanceof Boolean ? "Boolean" : "Long");
            dto.set("value", objectMapper.valueToTree(value));
        } else {
            dto.put("type", "Json");
            dto.put("value", writeJson(value));
        }
        dto.putObject("valueInfo");
        return dto;
    }

    private String writeJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode readBody(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readAllBytes();
        try {
            JsonNode body = bytes.length == 0 ? null : objectMapper.readTree(bytes);
            return body instanceof ObjectNode object ? object : objectMapper.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new NotJsonException(e);
        }
    }

    private static ObjectNode variablesOf(ObjectNode body) {
        JsonNode variables = body.get("variables");
        return variables instanceof ObjectNode object ? object : body.putObject("variables");
    }

    /**
     * The submitted values as the engine will be given them: only String values as text; numbers and booleans as
     * such; Json (and other typed) values, lists and maps as JSON, which is not text.
     */
    private Map<String, Object> plainValues(ObjectNode variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        variables.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().get("value");
            String type = entry.getValue().path("type").asText("");
            if (value == null || value.isNull()) {
                values.put(entry.getKey(), null);
            } else if (value.isNumber()) {
                values.put(entry.getKey(), value.numberValue());
            } else if (value.isBoolean()) {
                values.put(entry.getKey(), value.booleanValue());
            } else if (value.isTextual() && (type.isEmpty() || type.equalsIgnoreCase("String"))) {
                values.put(entry.getKey(), value.asText());
            } else if (value.isTextual()) {
                values.put(entry.getKey(), readJson(value.asText(), value));
            } else {
                values.put(entry.getKey(), value);
            }
        });
        return values;
    }

    /** The JSON a serialized value holds; if it holds none, the value as it came (still not text). */
    private JsonNode readJson(String serialized, JsonNode otherwise) {
        try {
            return objectMapper.readTree(serialized);
        } catch (IOException notJson) {
            return otherwise;
        }
    }

    /**
     * The request's path within the application as the REST API resolves it, e.g.
     * {@code /engine-rest/process-definition/key/quarterlyCycle/start}: without path parameters ({@code ;x=1}),
     * doubled or trailing slashes, which would otherwise keep this filter from answering.
     */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    }

    private void reject(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        ObjectNode error = objectMapper.createObjectNode();
        error.put("type", switch (status) {
            case UNAUTHORIZED -> "AuthenticationException";
            case FORBIDDEN -> "AuthorizationException";
            default -> "InvalidRequestException";
        });
        error.put("message", message);
        response.getOutputStream().write(objectMapper.writeValueAsBytes(error));
    }

    private static final class NotJsonException extends RuntimeException {

        NotJsonException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }
    }

    /** The request with a rewritten JSON body. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Content-Length".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream input = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return input.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
