package org.deliveryprogress;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.engine.AsUser;
import org.deliveryprogress.identity.UserDirectory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine checks no authorizations when no user is signed in to it. These rules keep the places where the
 * application's code runs engine commands that way, or as someone, to the few the README lists, each reviewed so that
 * no caller's request data reaches it. A new one fails here until it is reviewed and added.
 */
@DisplayName("Who runs engine commands without the caller's user")
class EngineCallersTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.deliveryprogress");

    @Test
    @DisplayName("only the engine package signs users in to the engine, or out")
    void onlyTheEnginePackageSetsTheUser() {
        noClasses().that().resideOutsideOfPackage("org.deliveryprogress.engine")
                .should().callMethodWhere(target(owner(assignableTo(IdentityService.class)))
                        .and(target(nameMatching("setAuthentication|setAuthenticatedUserId|clearAuthentication"))))
                .check(APPLICATION);
    }

    @Test
    @DisplayName("only the reviewed classes run engine calls as the application")
    void asApplicationOnlyWhereReviewed() {
        noClasses().that(outside(Set.of("org.deliveryprogress.identity.UserDirectory",
                "org.deliveryprogress.notifications.Mailer", "org.deliveryprogress.identity.ManagerRights",
                "org.deliveryprogress.identity.OfficerRights", "org.deliveryprogress.returns.ReturnDeadlines",
                "org.deliveryprogress.returns.ReturnDrafts", "org.deliveryprogress.returns.CycleWithdrawal",
                "org.deliveryprogress.imports.RegisterImport", "org.deliveryprogress.operations.DatabaseCounts",
                "org.deliveryprogress.identity.KeptIdentities", "org.deliveryprogress.engine.AsApplication")))
                .should().callMethodWhere(target(owner(assignableTo(AsApplication.class))))
                .check(APPLICATION);
    }

    /**
     * An engine command of the application's own runs whatever it is given inside the engine, past the services'
     * checks. The interceptors the application adds to the engine's chain pass each command on, and are not counted.
     */
    @Test
    @DisplayName("only the officers' grants run an engine command of the application's own")
    void ownEngineCommandsOnlyWhereReviewed() {
        noClasses().that(outside(Set.of("org.deliveryprogress.identity.OfficerRights")))
                .and().areNotAssignableTo(CommandInterceptor.class)
                .should().callMethodWhere(target(owner(assignableTo(CommandExecutor.class))))
                .orShould().callMethodWhere(target(owner(assignableTo(ProcessEngineConfigurationImpl.class)))
                        .and(target(nameMatching("getCommandExecutor.*"))))
                .check(APPLICATION);
    }

    @Test
    @DisplayName("only an administrator's new network is created as the signed-in user of the application's pages")
    void asUserOnlyWhereReviewed() {
        noClasses().that(outside(Set.of("org.deliveryprogress.register.NetworkAdministration")))
                .should().callMethodWhere(target(owner(assignableTo(AsUser.class))))
                .check(APPLICATION);
    }

    @Test
    @DisplayName("no application code completes a task or submits a form: officers do, signed in")
    void noTaskIsCompletedByTheApplication() {
        noClasses().should().callMethodWhere(target(owner(assignableTo(TaskService.class)))
                .and(target(nameMatching("complete.*|resolveTask|handleBpmnError|handleEscalation"))))
                .orShould().callMethodWhere(target(owner(assignableTo(FormService.class)))
                        .and(target(nameMatching("submit.*"))))
                .check(APPLICATION);
    }

    @Test
    @DisplayName("processes are started or moved on only by the schedule, the cycle's batches and the mail outbox")
    void processesStartOnlyWhereReviewed() {
        noClasses().that(outside(Set.of("org.deliveryprogress.cycles.CycleService",
                "org.deliveryprogress.returns.ReturnProcess", "org.deliveryprogress.notifications.Mailer")))
                .should().callMethodWhere(target(owner(assignableTo(RuntimeService.class)))
                        .and(target(nameMatching("start.*|createProcessInstanceBy.*|createProcessInstanceModification|"
                                + "restartProcessInstances|createMessageCorrelation|correlateMessage.*|"
                                + "createSignalEvent|signal.*|messageEventReceived"))))
                .check(APPLICATION);
    }

    @Test
    @DisplayName("a cycle starts with no one signed in only on the schedule (and for the demo), never for a request")
    void scheduledStartOnlyFromTheSchedule() {
        noClasses().that(outside(Set.of("org.deliveryprogress.cycles.StartDueCyclesDelegate",
                "org.deliveryprogress.demo.DemoData")))
                .should().callMethodWhere(target(owner(assignableTo(CycleService.class)))
                        .and(target(nameMatching("startOnSchedule"))))
                .check(APPLICATION);
    }

    /** Classes other than these, or than the classes nested in them. */
    private static DescribedPredicate<JavaClass> outside(Set<String> reviewed) {
        return describe("are not among " + reviewed, javaClass -> !reviewed.contains(
                javaClass.getName().replaceFirst("\\$.*", "")));
    }
}
