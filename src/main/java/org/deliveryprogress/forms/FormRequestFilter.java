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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.cycles.CycleStartForm;
import org.deliveryprogress.returns.NotYourTaskException;
import org.deliveryprogress.returns.ReturnForms;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.returns.SubmissionRejectedException;
import org.deliveryprogress.returns.SubmissionRules;
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
 * Sits in front of Camunda's REST API, both the public one ({@code /engine-rest}) and the one Tasklist uses
 * ({@code /camunda/api/engine}), behind their authentication (see {@link FormsConfiguration}), for the application's
 * forms:
 * <ul>
 * <li>when a form loads its variables, adds what the form shows from the application's tables (the plan, last
 * quarter's return, the text submitted so far), so that none of it has to live in process variables;</li>
 * <li>when a form is submitted or a task completed, checks the submission with the same rules the engine applies,
 * answering 400 with what to fix (the engine alone could only answer 500), and marks the long texts transient: they
 * are recorded in the application's tables and never become engine variables, which hold at most 4,000
 * characters.</li>
 * </ul>
 * Calls for other processes pass through untouched.
 */
class FormRequestFilter extends OncePerRequestFilter {

    private static final String API = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern TASK = Pattern.compile(API + "/task/([^/]+)/(form-variables|submit-form|complete)$");
    private static final Pattern START = Pattern.compile(
            API + "/process-definition/(key/[^/]+|[^/]+)/(deployed-start-form|form-variables|submit-form|start)$");

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ReturnForms returnForms;
    private final SubmissionRules rules;
    private final CycleStartForm startForm;
    private final ObjectMapper objectMapper;

    FormRequestFilter(TaskService taskService, RepositoryService repositoryService, IdentityService identityService,
            ReturnForms returnForms, SubmissionRules rules, CycleStartForm startForm, ObjectMapper objectMapper) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.returnForms = returnForms;
        this.rules = rules;
        this.startForm = startForm;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        Matcher task = TASK.matcher(path);
        Matcher start = START.matcher(path);
        if ((task.matches() || start.matches()) && identityService.getCurrentAuthentication() == null) {
            // Camunda's authentication runs first and answers 401 itself; this is in case it ever does not.
            reject(response, HttpStatus.UNAUTHORIZED, "Sign in: a form is read or submitted only as a signed-in "
                    + "user.");
            return;
        }
        try {
            if (task.matches()) {
                handleTask(task.group(1), task.group(2), request, response, chain);
            } else if (start.matches() && isCycleStart(start.group(1))) {
                handleStart(start.group(2), request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        } catch (NotJsonException e) {
            reject(response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getMessage());
        }
    }

    private void handleTask(String taskId, String action, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Task task = returnTask(taskId);
        if (task == null) {
            chain.doFilter(request, response);
        } else if (action.equals("form-variables") && "GET".equals(request.getMethod())) {
            Long returnId = (Long) taskService.getVariable(taskId, ReturnVariables.RETURN_ID);
            addFormData(returnForms.formData(returnId, task.getTaskDefinitionKey()), request, response, chain);
        } else if ("POST".equals(request.getMethod())) {
            ObjectNode body = readBody(request);
            ObjectNode variables = variablesOf(body);
            ReturnVariables.FORM_ALIASES.forEach((alias, name) -> rename(variables, alias, name));
            if (ReturnVariables.TASK_JUDGE_STATUS.equals(task.getTaskDefinitionKey())
                    && !variables.has(ReturnVariables.JUDGEMENT_OUTCOME)) {
                // Without it the outcome of an earlier round, still a process variable, would route this one.
                variables.putObject(ReturnVariables.JUDGEMENT_OUTCOME).put("value", ReturnVariables.OUTCOME_JUDGED);
            }
            try {
                checkActor(task);
                rules.check(task.getTaskDefinitionKey(), plainValues(variables));
            } catch (NotYourTaskException e) {
                reject(response, HttpStatus.FORBIDDEN, e.getMessage());
                return;
            } catch (SubmissionRejectedException e) {
                reject(response, HttpStatus.BAD_REQUEST, e.getMessage());
                return;
            }
            ReturnVariables.KEPT_OUT_OF_THE_ENGINE.forEach(name -> markTransient(variables, name));
            BodyRequest checked = new BodyRequest(request, objectMapper.writeValueAsBytes(body));
            if (action.equals("submit-form")) {
                // The engine's form submission records every submitted text, transient or not, as a form field in
                // its history (at most 4,000 characters): a longer text would fail the submission, and the others
                // would be kept in the engine after all. For these tasks submitting the form is completing the task.
                // The forward stays within the authentication (and CSRF check) that ran before this filter.
                request.getRequestDispatcher(pathOf(request).replaceFirst("submit-form$", "complete"))
                        .forward(checked, response);
            } else {
                chain.doFilter(checked, response);
            }
        } else {
            chain.doFilter(request, response);
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

    /** The task, if it belongs to a return and the current user may see it; otherwise the engine answers. */
    private Task returnTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !List.of(ReturnVariables.TASK_SUBMIT_UPDATE, ReturnVariables.TASK_JUDGE_STATUS,
                ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS, ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS)
                .contains(task.getTaskDefinitionKey())) {
            return null;
        }
        return task;
    }

    private boolean isCycleStart(String definition) {
        if (definition.startsWith("key/")) {
            return definition.equals("key/" + CycleStartForm.PROCESS_KEY);
        }
        try {
            ProcessDefinition processDefinition = repositoryService.getProcessDefinition(definition);
            return CycleStartForm.PROCESS_KEY.equals(processDefinition.getKey());
        } catch (ProcessEngineException notFoundOrNotAllowed) {
            return false;
        }
    }

    private void checkActor(Task task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        rules.checkActor(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds(),
                task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
    }

    /** Adds the form data to the variables the engine returns; a null value hides a stale engine variable. */
    private void addFormData(Map<String, Object> formData, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        rewriteJson(request, response, chain, variables -> formData.forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.set(name, variableDto(value));
            }
        }));
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
     * The submitted values as the rules read them, and as the task listeners will be given them: only String values
     * as text; numbers and booleans as such; Json (and other typed) values, lists and maps as JSON, which is not
     * text. Otherwise a value the filter took for text would pass here and be refused by the listener, as a 500.
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
     * {@code /engine-rest/task/42/complete}: without path parameters ({@code ;x=1}), doubled or trailing slashes,
     * which would otherwise let a completion slip past this filter.
     */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    }

    /** Submits a form-only field under its public name, unless the public one is filled in too. */
    private static void rename(ObjectNode variables, String alias, String name) {
        JsonNode value = variables.remove(alias);
        if (value != null && variables.path(name).path("value").asText("").isBlank()) {
            variables.set(name, value);
        }
    }

    private static void markTransient(ObjectNode variables, String name) {
        if (variables.get(name) instanceof ObjectNode variable) {
            JsonNode valueInfo = variable.get("valueInfo");
            ObjectNode info = valueInfo instanceof ObjectNode object ? object : variable.putObject("valueInfo");
            info.put("transient", true);
        }
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
