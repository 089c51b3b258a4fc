package org.deliveryprogress.register;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.imports.ImportProblem;
import org.deliveryprogress.imports.ImportRejectedException;
import org.deliveryprogress.imports.RegisterExport;
import org.deliveryprogress.imports.RegisterImport;
import org.deliveryprogress.imports.RegisterLayout;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorCharts;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.register.NetworkApi.NetworkDocument;
import org.deliveryprogress.returns.CycleWithdrawal;
import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.DoneNotice;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

/**
 * The register's pages: networks with their meetings, import and export; plans with their indicators and actions.
 * Everyone sees what the API would show them, officers by their names; managers also get the forms that change their
 * network. A form whose refusal the page shows (an import with mistakes, a network's deadlines out of order, a meeting
 * that clashes) is not one transaction with the page: the refused work rolls back on its own, and the page still
 * answers.
 */
@Controller
class RegisterPages {

    /** The network forms' fields by the names the API gives them, so that a page's mistake names what it shows. */
    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("code", "Code"),
            Map.entry("name", "Name"), Map.entry("region", "Bank holidays of"),
            Map.entry("managerGroup", "Managers' group"),
            Map.entry("offsets.openDaysBefore", "The cycle opens"),
            Map.entry("offsets.updatesDueDaysBefore", "Updates due"),
            Map.entry("offsets.judgementsDueDaysBefore", "Judgements due"),
            Map.entry("offsets.proposalsDueDaysBefore", "Remedial actions proposed"),
            Map.entry("offsets.agreementsDueDaysBefore", "Remedial actions agreed"),
            Map.entry("offsets.closeDaysBefore", "The cycle closes"),
            Map.entry("offsets.reminderDaysBeforeDue", "Reminders before a due date"),
            Map.entry("offsets.reminderEveryDaysOverdue", "Reminders while overdue"),
            Map.entry("statusRules.greenWithinPercent", "Green's tolerance"),
            Map.entry("statusRules.amberWithinPercent", "Amber's tolerance"));
    /** Where a refused network form's page opens: on its mistakes (networks.html, network.html). */
    private static final String NETWORK_PROBLEMS = "#network-problems";

    private final RegisterAccess access;
    private final NetworkAdministration administration;
    private final Validator validator;
    private final RegisterImport registerImport;
    private final RegisterExport registerExport;
    private final MeetingSchedule schedule;
    private final PlanRetirement retirement;
    private final NetworkMeetingRepository meetings;
    private final CycleRepository cycles;
    private final UserDirectory directory;
    private final SubmittedReturns submittedReturns;
    private final IndicatorValueRepository indicatorValues;
    private final CycleWithdrawal withdrawal;

    RegisterPages(RegisterAccess access, NetworkAdministration administration, Validator validator,
            RegisterImport registerImport, RegisterExport registerExport, MeetingSchedule schedule,
            PlanRetirement retirement, NetworkMeetingRepository meetings, CycleRepository cycles,
            UserDirectory directory, SubmittedReturns submittedReturns, IndicatorValueRepository indicatorValues,
            CycleWithdrawal withdrawal) {
        this.access = access;
        this.administration = administration;
        this.validator = validator;
        this.registerImport = registerImport;
        this.registerExport = registerExport;
        this.schedule = schedule;
        this.retirement = retirement;
        this.meetings = meetings;
        this.cycles = cycles;
        this.directory = directory;
        this.submittedReturns = submittedReturns;
        this.indicatorValues = indicatorValues;
        this.withdrawal = withdrawal;
    }

    /** The way in; a manager's networks lead to their dashboards and packs. */
    @GetMapping("/")
    @Transactional(readOnly = true)
    String home(Model model) {
        Viewer.signedIn().ifPresent(viewer -> model.addAttribute("managed",
                access.visibleNetworks(viewer).stream().filter(viewer::manages).toList()));
        return "home";
    }

    @GetMapping("/networks")
    @Transactional(readOnly = true)
    String networks(Model model) {
        Viewer viewer = Viewer.current();
        model.addAttribute("networks", access.visibleNetworks(viewer));
        model.addAttribute("viewer", viewer);
        model.addAttribute("regions", HolidayRegion.values());
        return "networks";
    }

    @PostMapping("/networks")
    String createNetwork(@RequestParam String code, @RequestParam String name, @RequestParam HolidayRegion region,
            @RequestParam String managerGroup, RedirectAttributes result) {
        NetworkDocument document = new NetworkDocument(code.strip(), name.strip(), region, managerGroup.strip(), null,
                null, null, null);
        return saveNetwork(document, result, "/networks",
                () -> administration.create(document.details(), Viewer.current()));
    }

    /**
     * The page's boxes send nothing when not ticked; a page opened before the status rules, or the choice of who may
     * judge, were on it sends none, and leaves them as they are.
     */
    @PostMapping("/networks/{code}")
    String changeNetwork(@PathVariable String code, @RequestParam String name, @RequestParam HolidayRegion region,
            @RequestParam int openDaysBefore, @RequestParam int updatesDueDaysBefore,
            @RequestParam int judgementsDueDaysBefore, @RequestParam int proposalsDueDaysBefore,
            @RequestParam int agreementsDueDaysBefore, @RequestParam int closeDaysBefore,
            @RequestParam int reminderDaysBeforeDue, @RequestParam int reminderEveryDaysOverdue,
            @RequestParam(defaultValue = "false") boolean entryOfficersMaySubmit,
            @RequestParam(required = false) BigDecimal greenWithinPercent,
            @RequestParam(required = false) BigDecimal amberWithinPercent,
            @RequestParam(defaultValue = "false") boolean redOnlyWhenNotImproving,
            @RequestParam(required = false) Boolean officersMayJudgeOwnPlans, RedirectAttributes result) {
        Network network = access.network(code, Viewer.current());
        NetworkDocument document = new NetworkDocument(network.getCode(), name.strip(), region,
                network.getManagerGroup(), new NetworkApi.Offsets(openDaysBefore, updatesDueDaysBefore,
                        judgementsDueDaysBefore, proposalsDueDaysBefore, agreementsDueDaysBefore, closeDaysBefore,
                        reminderDaysBeforeDue, reminderEveryDaysOverdue), entryOfficersMaySubmit,
                greenWithinPercent == null && amberWithinPercent == null ? null
                        : new NetworkApi.Tolerances(greenWithinPercent, amberWithinPercent, redOnlyWhenNotImproving),
                officersMayJudgeOwnPlans);
        return saveNetwork(document, result, "/networks/" + network.getCode(),
                () -> administration.change(code, document.details(), Viewer.current()));
    }

    /**
     * Saves a network if its form holds no mistake; otherwise the page shows the mistakes, with the form as it was
     * filled in, and opens on them: they take the focus (tabindex -1), and a screen reader reads them out. The page
     * opened at its top, where nothing said the form was refused: the network's page shows them half way down.
     */
    private String saveNetwork(NetworkDocument document, RedirectAttributes result, String back,
            Supplier<Network> save) {
        List<String> problems = validator.validate(document).stream()
                .map(violation -> FIELD_LABELS.getOrDefault(violation.getPropertyPath().toString(),
                        violation.getPropertyPath().toString()) + " " + violation.getMessage())
                .sorted().toList();
        if (!problems.isEmpty()) {
            result.addFlashAttribute("networkProblems", problems);
            result.addFlashAttribute("entered", document);
            return "redirect:" + back + NETWORK_PROBLEMS;
        }
        try {
            Network saved = save.get();
            result.addFlashAttribute("networkSaved", "Saved: " + saved.getName() + " as shown below.");
            return "redirect:/networks/" + saved.getCode() + DoneNotice.FOCUSED;
        } catch (InvalidRequestException | ConflictException e) {
            result.addFlashAttribute("networkProblems", List.of(e.getMessage()));
            result.addFlashAttribute("entered", document);
            return "redirect:" + back + NETWORK_PROBLEMS;
        }
    }

    @GetMapping("/networks/{code}")
    @Transactional(readOnly = true)
    String network(@PathVariable String code, Model model) {
        Viewer viewer = Viewer.current();
        Network network = access.network(code, viewer);
        model.addAttribute("network", network);
        model.addAttribute("form", model.getAttribute("entered") instanceof NetworkDocument entered
                && entered.offsets() != null && entered.statusRules() != null ? entered : NetworkDocument.of(network));
        model.addAttribute("manages", viewer.manages(network));
        model.addAttribute("administers", viewer.isAdmin());
        model.addAttribute("regions", HolidayRegion.values());
        model.addAttribute("meetings", meetings.findByNetworkOrderByMeetingDate(network).stream()
                .map(meeting -> MeetingRow.of(meeting, cycles.findByMeetingId(meeting.getId()), withdrawal))
                .toList());
        model.addAttribute("plans", access.readablePlans(viewer, code));
        model.addAttribute("files", RegisterLayout.values());
        model.addAttribute("actionStatuses", ActionStatus.choices());
        return "network";
    }

    record MeetingRow(NetworkMeeting meeting, String cycle, boolean withdrawable) {

        static MeetingRow of(NetworkMeeting meeting, Optional<Cycle> cycle, CycleWithdrawal withdrawal) {
            return new MeetingRow(meeting,
                    cycle.map(open -> open.getReference() + " (" + open.getState().name().toLowerCase() + ")")
                            .orElse(null),
                    cycle.filter(withdrawal::mayWithdraw).isPresent());
        }
    }

    @PostMapping("/networks/{code}/import")
    String importFiles(@PathVariable String code, @RequestParam(required = false) MultipartFile plans,
            @RequestParam(required = false) MultipartFile indicators,
            @RequestParam(required = false) MultipartFile actions,
            @RequestParam(name = "indicator_values", required = false) MultipartFile indicatorValues,
            HttpServletRequest request, RedirectAttributes result) throws IOException, ServletException {
        Viewer viewer = Viewer.current();
        Network network = access.networkToManage(code, viewer);
        Map<RegisterLayout, byte[]> files = RegisterFiles.chosen(plans, indicators, actions, indicatorValues);
        // The form's file boxes are named as the files; a request made otherwise may name one wrong.
        Optional<String> refused = RegisterFiles.partsRefused(request);
        if (refused.isPresent()) {
            result.addFlashAttribute("importProblems", List.of(refused.get()));
        } else if (files.isEmpty()) {
            result.addFlashAttribute("importProblems", List.of("Choose at least one file to import."));
        } else {
            try {
                result.addFlashAttribute("imported", registerImport.importFiles(network, files, viewer.userId()));
            } catch (ImportRejectedException e) {
                result.addFlashAttribute("importMessage", e.getMessage());
                result.addFlashAttribute("importProblems",
                        e.problems().stream().map(ImportProblem::describe).toList());
            } catch (ConflictException e) {
                // Beside the form, as a mistake is: the page is the one the manager imports from again.
                result.addFlashAttribute("importProblems", List.of(e.getMessage()));
            }
        }
        // Refused, the page opens on the mistakes, which take the focus (tabindex -1), as a network's do.
        return "redirect:/networks/" + network.getCode()
                + (result.getFlashAttributes().containsKey("importProblems") ? "#import-problems"
                        : result.getFlashAttributes().containsKey("imported") ? DoneNotice.FOCUSED : "#import");
    }

    /** The same downloads as the API's, for a signed-in browser. */
    @GetMapping("/networks/{code}/export/{file}.{format}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable String file, @PathVariable String format) {
        Network network = access.networkToManage(code, Viewer.current());
        RegisterLayout layout = RegisterFiles.layout(file);
        return switch (format) {
            case "csv" -> RegisterFiles.download(registerExport.csv(network, layout), RegisterFiles.CSV,
                    network, file + ".csv");
            case "xlsx" -> RegisterFiles.download(registerExport.xlsx(network, layout), RegisterFiles.XLSX,
                    network, file + ".xlsx");
            default -> throw new NotFoundException("Exports are .csv or .xlsx files.");
        };
    }

    @PostMapping("/networks/{code}/meetings")
    String addMeeting(@PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes result) {
        String back = changeMeetings(code, result, () -> schedule.add(code, date, Viewer.current()));
        // A refused day stays in its box beside the reason, to be corrected rather than chosen again from nothing.
        if (result.getFlashAttributes().containsKey("meetingProblem")) {
            result.addFlashAttribute("meetingDate", date);
        }
        return back;
    }

    @PostMapping("/networks/{code}/meetings/{date}/remove")
    String removeMeeting(@PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes result) {
        return changeMeetings(code, result, () -> schedule.remove(code, date, Viewer.current()));
    }

    @PostMapping("/networks/{code}/meetings/{date}/cycle/withdraw")
    String withdrawCycle(@PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean removeMeeting,
            RedirectAttributes result) {
        return changeMeetings(code, result, () -> {
            CycleWithdrawal.Withdrawn withdrawn = withdrawal.withdraw(code, date, reason, removeMeeting,
                    Viewer.current());
            result.addFlashAttribute("meetingNotice", "Cycle " + withdrawn.cycleReference() + " withdrawn: "
                    + withdrawn.returns() + (withdrawn.returns() == 1 ? " return" : " returns") + " and "
                    + withdrawn.drafts() + (withdrawn.drafts() == 1 ? " draft" : " drafts")
                    + " removed, and their officers told by email. " + withdrawn.meeting());
        });
    }

    /**
     * Back to the meetings; refused, to the reason, which takes the focus (tabindex -1), as a network's mistakes do.
     */
    private String changeMeetings(String code, RedirectAttributes result, Runnable change) {
        String where = "#meetings";
        try {
            change.run();
        } catch (ConflictException | InvalidRequestException e) {
            result.addFlashAttribute("meetingProblem", e.getMessage());
            where = "#meeting-problem";
        }
        if (result.getFlashAttributes().containsKey("meetingNotice")) {
            where = DoneNotice.FOCUSED;
        }
        return "redirect:/networks/" + access.network(code, Viewer.current()).getCode() + where;
    }

    @GetMapping("/plans")
    @Transactional(readOnly = true)
    String plans(@RequestParam(required = false) String network, Model model) {
        Viewer viewer = Viewer.current();
        List<DeliveryPlan> plans = access.readablePlans(viewer, network);
        // The network page's link lists its plans only: the page says so, and leads back to the network.
        model.addAttribute("network", network == null ? null : access.network(network, viewer));
        model.addAttribute("plans", plans);
        model.addAttribute("names", directory.namesOf(plans.stream().flatMap(RegisterPages::officersOf).toList()));
        return "plans";
    }

    @GetMapping("/plans/{reference}")
    @Transactional(readOnly = true)
    String plan(@PathVariable String reference, Model model) {
        Viewer viewer = Viewer.current();
        DeliveryPlan plan = access.plan(reference, viewer);
        // The API's document: the page is rendered after the transaction, with everything it shows loaded.
        List<IndicatorValue> series = indicatorValues.seriesOf(plan);
        model.addAttribute("plan", PlanApi.PlanDocument.of(plan, series));
        model.addAttribute("charts", IndicatorCharts.of(plan, series, "indicator-chart-"));
        model.addAttribute("networkName", plan.getNetwork().getName());
        model.addAttribute("manages", viewer.manages(plan.getNetwork()));
        model.addAttribute("writesUpdate", viewer.userId().equals(plan.getLeadOfficer())
                || viewer.userId().equals(plan.getDataEntryOfficer()));
        model.addAttribute("names", directory.namesOf(officersOf(plan).toList()));
        model.addAttribute("submitted", submittedReturns.of(plan, viewer));
        model.addAttribute("latestEvidence", submittedReturns.latestEvidence(plan).orElse(null));
        return "plan";
    }

    /** A return as its officers submitted it, for whoever may read the plan. */
    @GetMapping("/plans/{reference}/returns/{cycle}")
    @Transactional(readOnly = true)
    String submittedReturn(@PathVariable String reference, @PathVariable String cycle, Model model) {
        model.addAttribute("submitted", submittedReturns.of(access.plan(reference, Viewer.current()), cycle));
        return "return";
    }

    private static Stream<String> officersOf(DeliveryPlan plan) {
        return Stream.of(plan.getLeadOfficer(), plan.getJudgingOfficer(), plan.getDataEntryOfficer());
    }

    /** Only with its box ticked: a browser that does not check the box's {@code required} sends none. */
    @PostMapping("/plans/{reference}/retire")
    @Transactional
    String retire(@PathVariable String reference, @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes result) {
        if (!confirmed) {
            access.planToManage(reference, Viewer.current());
            result.addFlashAttribute("retireProblem", "Tick the box to confirm that the plan is to be retired.");
            return "redirect:/plans/" + reference + "#retire-problem";
        }
        retirement.retire(reference, Viewer.current());
        return "redirect:/plans/" + reference;
    }

    @PostMapping("/plans/{reference}/reinstate")
    String reinstate(@PathVariable String reference) {
        retirement.reinstate(reference, Viewer.current());
        return "redirect:/plans/" + reference;
    }
}
