package org.deliveryprogress.register;

import java.time.LocalDate;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.ReturnDeadlines;
import org.deliveryprogress.returns.ReturnDeadlines.OpenTask;
import org.deliveryprogress.shared.DayMonthYear;
import org.deliveryprogress.shared.DoneNotice;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A network manager moves the deadline of a plan's open return task: the way Tasklist cannot offer (it fails to save
 * a task that has a Camunda Form, and the engine refuses the change from there). The date is typed in three boxes,
 * day first, and shown back in words.
 */
@Controller
class DeadlinePages {

    private final RegisterAccess access;
    private final ReturnDeadlines deadlines;
    private final UserDirectory directory;
    private final ReadableDates dates;

    DeadlinePages(RegisterAccess access, ReturnDeadlines deadlines, UserDirectory directory, ReadableDates dates) {
        this.access = access;
        this.deadlines = deadlines;
        this.directory = directory;
        this.dates = dates;
    }

    @GetMapping("/plans/{reference}/deadline")
    @Transactional(readOnly = true)
    String deadline(@PathVariable String reference, Model model) {
        Viewer viewer = Viewer.current();
        model.addAttribute("task", deadlines.openTask(reference, viewer).map(DeadlinePages::shown).orElse(null));
        DeliveryPlan plan = access.plan(reference, viewer);
        model.addAttribute("plan", new ShownPlan(plan.getReference(), plan.getTitle()));
        model.addAttribute("changes", deadlines.changes(reference, viewer).stream().map(change -> new ShownChange(
                change.getTaskName(), directory.nameOf(change.getChangedBy()), dates.moment(change.getChangedAt()),
                dates.moment(change.getPreviousDueAt()), dates.moment(change.getNewDueAt()), change.getReason()))
                .toList());
        return "deadline";
    }

    @PostMapping("/plans/{reference}/deadline")
    String move(@PathVariable String reference, @RequestParam(required = false) String day,
            @RequestParam(required = false) String month, @RequestParam(required = false) String year,
            @RequestParam(required = false) String reason, RedirectAttributes result) {
        try {
            OpenTask moved = deadlines.move(reference, new DayMonthYear(day, month, year), reason, Viewer.current());
            result.addFlashAttribute("moved", "'" + moved.taskName() + "' is now due on "
                    + ReadableDates.day(moved.due()) + ". Its reminders follow the new date.");
        } catch (InvalidRequestException e) {
            result.addFlashAttribute("problem", e.getMessage());
            // Its link goes to the box to correct; a day refused as a whole (past, not a working day) to its first.
            result.addFlashAttribute("problemField", e.field().orElse("day"));
            result.addFlashAttribute("entered", new Entered(day, month, year, reason));
            // The page opens on what is wrong, which takes the focus (tabindex -1): a screen reader reads it out.
            return "redirect:/plans/" + reference + "/deadline#problem";
        }
        return "redirect:/plans/" + reference + "/deadline" + DoneNotice.FOCUSED;
    }

    private static ShownTask shown(OpenTask task) {
        return new ShownTask(task.taskName(), ReadableDates.day(task.due()),
                task.latest() == null ? null : ReadableDates.day(task.latest()), task.cycleReference(),
                example(task.latest() == null ? task.due() : task.latest()));
    }

    /**
     * The boxes' example, a day the deadline may move to: the last one, or, without a close, the present deadline.
     * A fixed example (27 1 2027) could be a day the page refuses, after the cycle closes.
     */
    private static String example(LocalDate day) {
        return day.getDayOfMonth() + " " + day.getMonthValue() + " " + day.getYear() + " for "
                + ReadableDates.date(day);
    }

    record ShownPlan(String reference, String title) {
    }

    record ShownTask(String name, String due, String latest, String cycle, String example) {
    }

    record ShownChange(String taskName, String changedBy, String changedAt, String from, String to, String reason) {
    }

    record Entered(String day, String month, String year, String reason) {
    }
}
