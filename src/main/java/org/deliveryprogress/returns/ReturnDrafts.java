package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.TASK_SUBMIT_UPDATE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of a return's update, kept on the server while its update is open: its lead officer and data-entry officer
 * read and continue them in any browser, and the data-entry officer hands a prepared draft to the lead officer, who
 * reviews and submits it. The update's form in Tasklist opens with the latest draft ({@link ReturnForms}).
 */
@Service
public class ReturnDrafts {

    /** Room for every list of a plan's update, notes included, with no officer's typing cut short. */
    static final int EVIDENCE_LIMIT = 1_000_000;
    /** The version a form that shows no draft sends back: a draft saved meanwhile is not replaced by it. */
    public static final String NO_DRAFT = "";

    /**
     * The update a plan's officers may write now, with the draft saved so far (if any), and whether the officer
     * reading it hands it to the lead officer rather than submit it ({@link PlanReturn#handsUpdateToLead}). Its task's
     * id names what Tasklist's form keeps in the browser of a save the server refused.
     */
    public record OpenUpdate(String taskId, String taskName, String planTitle, String meeting, String assignee,
            String leadOfficer, String dataEntryOfficer, boolean handsOver, ReturnUpdate texts,
            Optional<ReturnDraft> draft) {
    }

    private final RegisterAccess access;
    private final PlanReturnRepository returns;
    private final ReturnDraftRepository drafts;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UserDirectory users;
    private final ReadableDates dates;

    ReturnDrafts(RegisterAccess access, PlanReturnRepository returns, ReturnDraftRepository drafts,
            TaskService taskService, HistoryService historyService, IdentityService identityService, Clock clock,
            ApplicationEventPublisher events, UserDirectory users, ReadableDates dates) {
        this.access = access;
        this.returns = returns;
        this.drafts = drafts;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.clock = clock;
        this.events = events;
        this.users = users;
        this.dates = dates;
    }

    /** The plan's open update: the draft if there is one, else what was submitted before (after a send-back). */
    @Transactional(readOnly = true)
    public Optional<OpenUpdate> openUpdate(String planReference, Viewer viewer) {
        return writersUpdate(planReference, viewer)
                .map(open -> open.describe(drafts.findById(open.planReturn().getId()), viewer));
    }

    /**
     * Saves what the officer has written so far; the texts may be incomplete, not longer than an update's. The form
     * names the version of the draft it was opened with ({@link ReturnDraft#version()}, {@link #NO_DRAFT}, or null to
     * replace whatever is saved): a draft saved since, in another window or by the plan's other officer, is not
     * replaced but refused (409) saying who saved it when.
     */
    @Transactional
    public ReturnDraft save(String planReference, ReturnUpdate texts, String basedOn, Viewer viewer) {
        return save(openUpdateOf(planReference, viewer), texts, basedOn, viewer);
    }

    /**
     * Saves what the officer has written so far in the form of the update task (Tasklist's form): the texts, and the
     * evidence's lists as JSON when the form has them, checked only when the update is submitted.
     */
    @Transactional
    public ReturnDraft saveForTask(String taskId, ReturnUpdate texts, String evidence, String basedOn,
            Viewer viewer) {
        if (evidence != null && evidence.length() > EVIDENCE_LIMIT) {
            throw new InvalidRequestException("The evidence of a draft holds at most " + EVIDENCE_LIMIT
                    + " characters.");
        }
        OpenUpdateTask open = writersTask(taskId, viewer);
        ReturnDraft draft = save(open, texts, basedOn, viewer);
        if (evidence != null) {
            draft.saveEvidence(evidence);
        }
        return draft;
    }

    /** The version of the task's draft, {@link #NO_DRAFT} if it has none: what a form opened now is based on. */
    @Transactional(readOnly = true)
    public String versionForTask(String taskId, Viewer viewer) {
        OpenUpdateTask open = writersTask(taskId, viewer);
        return drafts.findById(open.planReturn().getId()).map(ReturnDraft::version).orElse(NO_DRAFT);
    }

    /**
     * The open update task, if the viewer writes it; as a task that does not exist to those who may not read its
     * plan (its reference is not theirs to learn from a task's id).
     */
    private OpenUpdateTask writersTask(String taskId, Viewer viewer) {
        OpenUpdateTask open = AsApplication.run(identityService, () -> Optional.ofNullable(
                taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(TASK_SUBMIT_UPDATE).singleResult()))
                .flatMap(task -> returns.findByProcessInstanceId(task.getProcessInstanceId())
                        .map(planReturn -> new OpenUpdateTask(planReturn.getPlan(), planReturn, task)))
                .orElseThrow(() -> noOpenUpdate(taskId, viewer));
        if (!writes(viewer, open.planReturn().getLeadOfficer(), open.planReturn().getDataEntryOfficer())) {
            try {
                access.plan(open.plan().getReference(), viewer);
            } catch (NotFoundException | NotAllowedException invisible) {
                throw noOpenUpdate(taskId);
            }
            throw notAWriter(open.plan());
        }
        return open;
    }

    private static NotFoundException noOpenUpdate(String taskId) {
        return new NotFoundException("There is no open update " + taskId + ".");
    }

    /**
     * An update that has ended while its form was open (the plan's other officer submitted it, or its cycle closed) is
     * told to its writers as such, since what their form holds is then kept nowhere: until 7 December 2026 the form
     * said "There is no open update" and the task's id.
     */
    private NotFoundException noOpenUpdate(String taskId, Viewer viewer) {
        return AsApplication.run(identityService, () -> Optional.ofNullable(historyService
                .createHistoricTaskInstanceQuery().taskId(taskId).taskDefinitionKey(TASK_SUBMIT_UPDATE).finished()
                .singleResult()))
                .flatMap(ended -> returns.findByProcessInstanceId(ended.getProcessInstanceId())
                        .filter(planReturn -> writes(viewer, planReturn.getLeadOfficer(),
                                planReturn.getDataEntryOfficer()))
                        .map(planReturn -> new NotFoundException(endedUpdate(ended, planReturn))))
                .orElseGet(() -> noOpenUpdate(taskId));
    }

    private String endedUpdate(HistoricTaskInstance ended, PlanReturn planReturn) {
        String when = dates.moment(ended.getEndTime().toInstant());
        String how = "completed".equals(ended.getDeleteReason()) && planReturn.getSubmittedBy() != null
                ? "was submitted by " + users.nameOf(planReturn.getSubmittedBy()) + " on " + when
                : "closed on " + when + " without being submitted (its cycle closed or was withdrawn)";
        return "Not saved: this update " + how + ", so it can no longer be changed. What is written in this form was "
                + "not sent: copy anything you want to keep before you leave it.";
    }

    /** "Draft saved at 10:42 by Priya Oakenshaw.", as the officers are shown it. */
    public String savedLine(ReturnDraft saved) {
        return "Draft saved at " + dates.moment(saved.getSavedAt()) + " by " + users.nameOf(saved.getSavedBy()) + ".";
    }

    /**
     * The data-entry officer saves the draft and gives the update to the lead officer, who is told by email and
     * finds the draft in the form.
     */
    @Transactional
    public void handToLead(String planReference, ReturnUpdate texts, String basedOn, Viewer viewer) {
        OpenUpdateTask open = openUpdateOf(planReference, viewer);
        PlanReturn planReturn = open.planReturn();
        if (!viewer.userId().equals(planReturn.getDataEntryOfficer())) {
            throw new NotAllowedException("Only the plan's data-entry officer hands a draft to the lead officer.");
        }
        ReturnDraft draft = save(open, texts, basedOn, viewer);
        AsApplication.run(identityService,
                () -> taskService.setAssignee(open.task().getId(), planReturn.getLeadOfficer()));
        events.publishEvent(new DraftHandedToLead(open.planReturn().getId(), open.task().getId(), viewer.userId(),
                draft.getSavedAt()));
    }

    private ReturnDraft save(OpenUpdateTask open, ReturnUpdate texts, String basedOn, Viewer viewer) {
        DeliveryPlan plan = open.plan();
        // Named as the forms label them, in figures as they are counted there: until 7 December 2026 "Each text of an
        // update holds at most 100000 characters.", which said neither which text nor that nothing was saved.
        List<String> tooLong = new ArrayList<>();
        for (UpdateText text : UpdateText.values()) {
            SubmissionRules.limited(text.of(texts), "“" + text.label() + "”", SubmissionRules.UPDATE_TEXT_LIMIT,
                    tooLong);
        }
        if (!tooLong.isEmpty()) {
            throw new InvalidRequestException("Not saved: " + String.join(" ", tooLong)
                    + (tooLong.size() == 1 ? " Shorten it" : " Shorten them") + ", then save again.");
        }
        // A browser may save as it leaves the form twice at once (the tab hidden, the page gone): one after the other.
        // A save that reaches the server while the update is submitted (the data-entry officer's, as the lead submits)
        // waits here for the submission's lock on the return, then finds the update gone: no draft outlives it.
        returns.lockById(open.planReturn().getId());
        if (AsApplication.run(identityService, () -> taskService.createTaskQuery().taskId(open.task().getId())
                .count()) == 0) {
            throw noUpdateToWrite(plan);
        }
        Optional<ReturnDraft> saved = drafts.findById(open.planReturn().getId());
        String current = saved.map(ReturnDraft::version).orElse(NO_DRAFT);
        if (basedOn != null && !basedOn.equals(current)) {
            // The officer's own save elsewhere is theirs: until 7 December 2026 it was told them in their own name, as
            // though a colleague of that name had saved it.
            String since = saved.map(newer -> (viewer.userId().equals(newer.getSavedBy())
                    ? "you saved this update's draft in another window or browser at "
                    : users.nameOf(newer.getSavedBy()) + " saved this update's draft at ")
                    + dates.moment(newer.getSavedAt()) + ", after this form was opened")
                    .orElse("the update was submitted after this form was opened, and has come back for more work");
            throw new DraftSavedSinceException("Not saved: " + since + ". Open it in another window to compare, "
                    + "or replace it with what is written here.", current);
        }
        ReturnDraft draft = saved.orElseGet(() -> new ReturnDraft(open.planReturn().getId()));
        draft.save(texts, viewer.userId(), clock.instant());
        return drafts.save(draft);
    }

    private OpenUpdateTask openUpdateOf(String planReference, Viewer viewer) {
        return writersUpdate(planReference, viewer)
                .orElseThrow(() -> noUpdateToWrite(access.plan(planReference, viewer)));
    }

    private static InvalidRequestException noUpdateToWrite(DeliveryPlan plan) {
        return new InvalidRequestException(plan.getReference() + " has no update to write now: the draft cannot be "
                + "saved.");
    }

    /**
     * The plan's open update, if there is one, when the viewer writes it: the lead or data-entry officer the return
     * opened with (whatever the register says now), or, with no update open, the plan's.
     */
    private Optional<OpenUpdateTask> writersUpdate(String reference, Viewer viewer) {
        DeliveryPlan plan = access.plan(reference, viewer);
        Optional<OpenUpdateTask> open = openUpdateTask(plan);
        boolean writes = open.map(update -> writes(viewer, update.planReturn().getLeadOfficer(),
                update.planReturn().getDataEntryOfficer()))
                .orElseGet(() -> writes(viewer, plan.getLeadOfficer(), plan.getDataEntryOfficer()));
        if (!writes) {
            throw notAWriter(plan);
        }
        return open;
    }

    private static boolean writes(Viewer viewer, String leadOfficer, String dataEntryOfficer) {
        return viewer.userId().equals(leadOfficer) || viewer.userId().equals(dataEntryOfficer);
    }

    private static NotAllowedException notAWriter(DeliveryPlan plan) {
        return new NotAllowedException("Only the lead officer and the data-entry officer of " + plan.getReference()
                + " write its update.");
    }

    private Optional<OpenUpdateTask> openUpdateTask(DeliveryPlan plan) {
        return returns.findOpen(plan.getId()).flatMap(planReturn -> AsApplication.run(identityService,
                () -> taskService.createTaskQuery().processInstanceId(planReturn.getProcessInstanceId())
                        .taskDefinitionKey(TASK_SUBMIT_UPDATE).list().stream().findFirst()
                        .map(task -> new OpenUpdateTask(plan, planReturn, task))));
    }

    private record OpenUpdateTask(DeliveryPlan plan, PlanReturn planReturn, Task task) {

        OpenUpdate describe(Optional<ReturnDraft> draft, Viewer reader) {
            ReturnUpdate texts = ReturnDraft.textsToShow(draft, planReturn);
            String meeting = plan.getNetwork().getName() + " meeting of "
                    + ReadableDates.day(planReturn.getCycle().getMeeting().getMeetingDate());
            return new OpenUpdate(task.getId(), task.getName(), plan.getTitle(), meeting, task.getAssignee(),
                    planReturn.getLeadOfficer(), planReturn.getDataEntryOfficer(),
                    planReturn.handsUpdateToLead(reader.userId()), texts, draft);
        }
    }
}
