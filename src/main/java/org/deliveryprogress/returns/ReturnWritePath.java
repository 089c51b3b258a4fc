package org.deliveryprogress.returns;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.deliveryprogress.engine.ConfigurationLists;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way into a return: installs in the engine what makes every route that reads or completes a return's task
 * (Camunda's REST API under any URL, Tasklist, the Java API) behave the same, inside the engine's transaction. With
 * the task listeners of processes/planReturn.bpmn:
 * <ol>
 * <li>a form loads what it shows from the application's tables ({@link ReturnFormHandler});</li>
 * <li>a completion may carry only its task's fields ({@link SubmissionBaseline}, checked by
 * {@link RecordSubmissionListener}), which checks, records in the return and removes officers' prose from the
 * process; the prose leaves no history on the way ({@link ProseKeptOutOfHistory});</li>
 * <li>a refusal reaches the caller as a 400 or 403 that says what to fix ({@link RefusalsUnwrapped}).</li>
 * </ol>
 */
@Component
class ReturnWritePath extends AbstractProcessEnginePlugin {

    private final Supplier<ReturnForms> forms;
    private final ObjectMapper objectMapper;

    /** The forms are looked up when a form is first read: they need the engine this plugin helps to build. */
    ReturnWritePath(ObjectProvider<ReturnForms> forms, ObjectMapper objectMapper) {
        this.forms = forms::getObject;
        this.objectMapper = objectMapper;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostBPMNParseListeners(ConfigurationLists.with(
                configuration.getCustomPostBPMNParseListeners(), new AbstractBpmnParseListener() {
                    @Override
                    public void parseProcess(Element element, ProcessDefinitionEntity process) {
                        if (ReturnVariables.PROCESS_KEY.equals(process.getKey())) {
                            for (ReturnTask returnTask : ReturnTask.values()) {
                                TaskDefinition task = ((UserTaskActivityBehavior) process
                                        .findActivity(returnTask.key()).getActivityBehavior()).getTaskDefinition();
                                task.setTaskFormHandler(new ReturnFormHandler(task.getTaskFormHandler(), forms,
                                        objectMapper));
                            }
                        }
                    }
                }));
        configuration.setCustomSessionFactories(ConfigurationLists.with(configuration.getCustomSessionFactories(),
                SubmissionBaseline.factory()));
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new RefusalsUnwrapped()));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandCheckers().add(SubmissionBaseline.checker());
        configuration.setHistoryEventHandler(new ProseKeptOutOfHistory(configuration.getHistoryEventHandler()));
    }
}
