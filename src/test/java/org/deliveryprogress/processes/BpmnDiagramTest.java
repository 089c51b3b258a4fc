package org.deliveryprogress.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that every process model is complete enough to be read in Camunda Modeler. */
class BpmnDiagramTest {

    private static final List<String> ID_PREFIXES = List.of(
            "StartEvent_", "EndEvent_", "Event_", "Task_", "ServiceTask_", "Gateway_", "Flow_", "SubProcess_");

    static Stream<Path> processFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processFiles")
    void processModelIsCompleteAndConsistent(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        assertThat(model.getModelElementsByType(Process.class))
                .singleElement()
                .extracting(process -> process.getId() + ".bpmn")
                .as("file name is the process id")
                .isEqualTo(file.getFileName().toString());

        Set<String> idsWithShape = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(idsWithShape).as("shape of %s", node.getId()).contains(node.getId()));

        Set<String> idsWithEdge = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getWaypoints().size() >= 2)
                .map(edge -> edge.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(SequenceFlow.class))
                .allSatisfy(flow -> assertThat(idsWithEdge).as("edge of %s", flow.getId()).contains(flow.getId()));

        assertThat(model.getModelElementsByType(FlowElement.class))
                .extracting(FlowElement::getId)
                .allSatisfy(id -> assertThat(ID_PREFIXES).as("prefix of id %s", id).anyMatch(id::startsWith));

        assertThat(model.getModelElementsByType(UserTask.class)).allSatisfy(task -> {
            assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isNotBlank();
        });
    }
}
