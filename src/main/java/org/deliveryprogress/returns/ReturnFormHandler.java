package org.deliveryprogress.returns;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The form handler of a return's tasks: what their Camunda Forms show comes from the application's tables
 * ({@link ReturnForms}). When the engine builds a task's form it asks this handler first, and then answers the form's
 * variables with every variable the task can see, the task's own before the process's; so the form data is put on
 * the task as transient variables, which the engine forgets when the command ends. The form then shows the plan, last
 * quarter's return and the text so far on every route that reads form variables (the REST API in any URL form,
 * Tasklist, {@code FormService.getTaskFormVariables}); maps and lists are Json, which Camunda's REST API renders as
 * JSON text when asked with {@code deserializeValues=false}, as Tasklist does. They are not form fields: Camunda's
 * REST API would then offer the task a generated form of its own. Submitting is left to the engine's own handler;
 * the task's complete listener records the submission.
 * <p>
 * The engine asks the handler for every command that builds a task's form, but only the one that answers its
 * variables shows them: Tasklist opens a task by asking which form it has ({@code /form}, {@code /deployed-form})
 * before its variables, and those two get the form without the reads behind its data.
 */
final class ReturnFormHandler implements TaskFormHandler {

    private final TaskFormHandler parsed;
    private final Supplier<ReturnForms> forms;
    private final ObjectMapper objectMapper;

    ReturnFormHandler(TaskFormHandler parsed, Supplier<ReturnForms> forms, ObjectMapper objectMapper) {
        this.parsed = parsed;
        this.forms = forms;
        this.objectMapper = objectMapper;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        if (answersFormVariables()) {
            putFormData(task);
        }
        return parsed.createTaskForm(task);
    }

    /** Whether the command building the form is the engine's one behind every route that reads form variables. */
    private static boolean answersFormVariables() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof GetTaskFormVariablesCmd;
    }

    private void putFormData(TaskEntity task) {
        Long returnId = (Long) task.getVariable(ReturnVariables.RETURN_ID);
        forms.get().formData(returnId, task.getTaskDefinitionKey(), task.getDueDate())
                .forEach((name, value) -> task.setVariableLocal(name, transientValue(value)));
    }

    /** Texts as String variables, maps and lists as Json, as Camunda's REST API renders a variable of each. */
    private TypedValue transientValue(Object value) {
        if (value instanceof String text) {
            return Variables.stringValue(text, true);
        }
        try {
            return SpinValues.jsonValue(objectMapper.writeValueAsString(value)).setTransient(true).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
            ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        parsed.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        parsed.submitFormVariables(properties, variableScope);
    }
}
