package org.deliveryprogress.register;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.StatusRules;
import org.deliveryprogress.register.NetworkAdministration.NetworkDetails;
import org.deliveryprogress.returns.CycleWithdrawal;
import org.deliveryprogress.shared.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Networks, their deadline offsets, who submits their plans' updates, and their meetings. Administrators manage
 * networks; managers their meetings.
 */
@RestController
@RequestMapping("/api/networks")
@Tag(name = "Networks and meetings")
@Transactional
class NetworkApi {

    record NetworkDocument(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,19}",
                    message = "must be 1 to 20 capital letters, digits or hyphens") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull HolidayRegion region,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]*",
                    message = "must be a Camunda group id: letters, digits, '.', '_' or '-'") String managerGroup,
            @Valid Offsets offsets,
            @Schema(description = "Whether a plan's data-entry officer may submit its update; otherwise they hand "
                    + "the draft to the lead officer, who submits it. Omitted: false for a new network, unchanged "
                    + "for an existing one.") Boolean entryOfficersMaySubmit,
            @Valid @Schema(description = "How a return's evidence suggests a status. Omitted: the defaults (Green on "
                    + "target or better, Amber up to 5% short, Red beyond) for a new network, unchanged for an "
                    + "existing one.") Tolerances statusRules,
            @Schema(description = "Whether a plan's judging officer may also be its lead or data-entry officer; "
                    + "false keeps judges independent of the updates they judge, in the register and at judgement. "
                    + "Omitted: true for a new network, unchanged for an existing one.")
            Boolean officersMayJudgeOwnPlans) {

        static NetworkDocument of(Network network) {
            CycleOffsets offsets = network.getOffsets();
            StatusRules rules = network.getStatusRules();
            return new NetworkDocument(network.getCode(), network.getName(), network.getRegion(),
                    network.getManagerGroup(), new Offsets(offsets.openDaysBefore(), offsets.updatesDueDaysBefore(),
                            offsets.judgementsDueDaysBefore(), offsets.proposalsDueDaysBefore(),
                            offsets.agreementsDueDaysBefore(), offsets.closeDaysBefore(),
                            offsets.reminderDaysBeforeDue(), offsets.reminderEveryDaysOverdue()),
                    network.isEntryOfficersMaySubmit(),
                    new Tolerances(rules.greenWithinPercent(), rules.amberWithinPercent(),
                            rules.redOnlyWhenNotImproving()),
                    network.isOfficersMayJudgeOwnPlans());
        }

        /** The network as the administration takes it; offsets out of order are refused here. */
        NetworkDetails details() {
            return new NetworkDetails(code, name, region, managerGroup,
                    offsets == null ? null : offsets.checked(), entryOfficersMaySubmit,
                    statusRules, officersMayJudgeOwnPlans);
        }
    }

    /**
     * How far short of its target, as a percentage of the target, an indicator's value may fall and still suggest
     * Green, and Amber; further is Red. Each limit counts as inside its band.
     */
    record Tolerances(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2,
                    message = "must be a percentage with at most two decimals")
            BigDecimal greenWithinPercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2,
                    message = "must be a percentage with at most two decimals")
            BigDecimal amberWithinPercent,
            @Schema(description = "Whether a value further short than Amber's tolerance suggests Amber rather than Red "
                    + "when it is better than the value before it (\"Red when off target and not improving\"). "
                    + "Omitted: false for a new network, unchanged for an existing one.")
            Boolean redOnlyWhenNotImproving) {

        /** The rules these tolerances set, the rest as in the rules they replace. */
        StatusRules checked(StatusRules replaced) {
            if (greenWithinPercent.compareTo(amberWithinPercent) > 0) {
                throw new InvalidRequestException("Green's tolerance (" + greenWithinPercent.toPlainString()
                        + "%) cannot be wider than Amber's (" + amberWithinPercent.toPlainString() + "%).");
            }
            return new StatusRules(greenWithinPercent, amberWithinPercent, redOnlyWhenNotImproving == null
                    ? replaced.redOnlyWhenNotImproving() : redOnlyWhenNotImproving);
        }
    }

    /**
     * Working days before the meeting; reminders in working days too. Omitted: the partnership's defaults for a new
     * network, unchanged for an existing one.
     */
    record Offsets(
            @Min(1) @Max(120) int openDaysBefore,
            @Min(0) @Max(120) int updatesDueDaysBefore,
            @Min(0) @Max(120) int judgementsDueDaysBefore,
            @Min(0) @Max(120) int proposalsDueDaysBefore,
            @Min(0) @Max(120) int agreementsDueDaysBefore,
            @Min(0) @Max(120) int closeDaysBefore,
            @Min(0) @Max(30) int reminderDaysBeforeDue,
            @Min(0) @Max(30) int reminderEveryDaysOverdue) {

        CycleOffsets checked() {
            if (!(openDaysBefore > updatesDueDaysBefore && updatesDueDaysBefore >= judgementsDueDaysBefore
                    && judgementsDueDaysBefore >= proposalsDueDaysBefore
                    && proposalsDueDaysBefore >= agreementsDueDaysBefore
                    && agreementsDueDaysBefore >= closeDaysBefore)) {
                throw new InvalidRequestException("The steps must come in order before the meeting: the cycle opens, "
                        + "then updates, judgements, proposals and agreements are due, then it closes.");
            }
            return new CycleOffsets(openDaysBefore, updatesDueDaysBefore, judgementsDueDaysBefore,
                    proposalsDueDaysBefore, agreementsDueDaysBefore, closeDaysBefore, reminderDaysBeforeDue,
                    reminderEveryDaysOverdue);
        }
    }

    record MeetingDocument(@NotNull LocalDate date, String cycle, String cycleState) {
    }

    private final NetworkAdministration administration;
    private final MeetingSchedule schedule;
    private final NetworkMeetingRepository meetings;
    private final CycleRepository cycles;
    private final RegisterAccess access;
    private final CycleWithdrawal withdrawal;

    NetworkApi(NetworkAdministration administration, MeetingSchedule schedule, NetworkMeetingRepository meetings,
            CycleRepository cycles, RegisterAccess access, CycleWithdrawal withdrawal) {
        this.administration = administration;
        this.schedule = schedule;
        this.meetings = meetings;
        this.cycles = cycles;
        this.access = access;
        this.withdrawal = withdrawal;
    }

    @GetMapping
    @Operation(summary = "The networks you manage or hold a role in (administrators: all)")
    List<NetworkDocument> networks() {
        return access.visibleNetworks(Viewer.current()).stream().map(NetworkDocument::of).toList();
    }

    @GetMapping("/{code}")
    NetworkDocument network(@PathVariable String code) {
        return NetworkDocument.of(access.network(code, Viewer.current()));
    }

    @PostMapping
    // ResponseEntity.created answers 201 with the Location; the description said 200 without this.
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a network (administrators); its manager group is created and given managers' rights")
    ResponseEntity<NetworkDocument> create(@Valid @RequestBody NetworkDocument document) {
        Network network = administration.create(document.details(), Viewer.current());
        return ResponseEntity.created(URI.create("/api/networks/" + network.getCode()))
                .body(NetworkDocument.of(network));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Rename a network, change its region, its deadline offsets, whether its data-entry officers "
            + "may submit updates, its status rules or whether a plan's own officers may judge it (administrators)")
    NetworkDocument change(@PathVariable String code, @Valid @RequestBody NetworkDocument document) {
        return NetworkDocument.of(administration.change(code, document.details(), Viewer.current()));
    }

    @GetMapping("/{code}/meetings")
    List<MeetingDocument> meetings(@PathVariable String code) {
        Network network = access.network(code, Viewer.current());
        return meetings.findByNetworkOrderByMeetingDate(network).stream().map(this::documentOf).toList();
    }

    @PostMapping("/{code}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a meeting (the network's managers)")
    MeetingDocument addMeeting(@PathVariable String code, @Valid @RequestBody MeetingDocument document) {
        return documentOf(schedule.add(code, document.date(), Viewer.current()));
    }

    @DeleteMapping("/{code}/meetings/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a meeting that has no cycle (the network's managers)")
    void removeMeeting(@PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        schedule.remove(code, date, Viewer.current());
    }

    /** Why a cycle is withdrawn, which its officers are told; and whether its meeting goes with it. */
    record WithdrawalDocument(String reason, boolean removeMeeting) {
    }

    @PostMapping("/{code}/meetings/{date}/cycle/withdrawal")
    @Operation(summary = "Withdraw the meeting's cycle, opened by mistake, while no update has been submitted (the "
            + "network's managers)")
    CycleWithdrawal.Withdrawn withdrawCycle(@PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody WithdrawalDocument document) {
        return withdrawal.withdraw(code, date, document.reason(), document.removeMeeting(), Viewer.current());
    }

    private MeetingDocument documentOf(NetworkMeeting meeting) {
        Cycle cycle = cycles.findByMeetingId(meeting.getId()).orElse(null);
        return new MeetingDocument(meeting.getMeetingDate(), cycle == null ? null : cycle.getReference(),
                cycle == null ? null : cycle.getState().name());
    }
}
