package org.deliveryprogress.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.TaskFormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
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
 * ({@link ReturnForms}), offered as the form's fields. The engine answers a task's form variables with its form
 * fields first and then every variable the task can see that has no field of that name; so the form shows the plan,
 * last quarter's return and the text so far on every route that reads form variables (the REST API in any URL form,
 * Tasklist, {@code FormService.getTaskFormVariables}).
 * Submitting is left to the engine's own handler; the task's complete listener records the submission.
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
        TaskFormData form = parsed.createTaskForm(task);
        TaskFormDataImpl withData = new TaskFormDataImpl();
        withData.setTask(task);
        withData.setFormKey(form.getFormKey());
        withData.setCamundaFormRef(form.getCamundaFormRef());
        withData.setDeploymentId(form.getDeploymentId());
        withData.setFormProperties(form.getFormProperties());
        List<FormField> fields = new ArrayList<>(form.getFormFields());
        Long returnId = (Long) task.getVariable(ReturnVariables.RETURN_ID);
        forms.get().formData(returnId, task.getTaskDefinitionKey())
                .forEach((name, value) -> fields.add(field(name, value)));
        withData.setFormFields(fields);
        return withData;
    }

    private FormField field(String name, Object value) {
        FormFieldImpl field = new FormFieldImpl();
        field.setId(name);
        field.setType(new StringFormType());
        field.setValue(typed(value));
        return field;
    }

    /** Texts as String variables, maps and lists as Json, as Camunda's REST API renders a variable of each. */
    private TypedValue typed(Object value) {
        if (value instanceof String text) {
            return Variables.stringValue(text);
        }
        try {
            return SpinValues.jsonValue(objectMapper.writeValueAsString(value)).create();
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
