package org.deliveryprogress.packs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.shared.DoneNotice;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The meeting packs of a network, for its managers: each version as a page and as a PDF, exactly as it was produced,
 * and a new version on request before the meeting.
 */
@Controller
class PackPages {

    private final MeetingPacks packs;
    private final CycleRepository cycles;
    private final RegisterAccess access;
    private final ReadableDates readable;
    private final UserDirectory directory;

    PackPages(MeetingPacks packs, CycleRepository cycles, RegisterAccess access, ReadableDates readable,
            UserDirectory directory) {
        this.packs = packs;
        this.cycles = cycles;
        this.access = access;
        this.readable = readable;
        this.directory = directory;
    }

    /** A cycle's packs; {@code met} once its meeting has taken place, when its pack stays as it went to it. */
    record CyclePacks(String reference, String meetingDay, boolean closed, boolean met, List<VersionRow> versions) {
    }

    record VersionRow(int version, String producedAt, String producedBy) {
    }

    @GetMapping("/networks/{code}/packs")
    @Transactional(readOnly = true)
    String list(@PathVariable String code, Model model) {
        Network network = access.networkToManage(code, Viewer.current());
        model.addAttribute("network", network);
        model.addAttribute("cycles", cycles.findByMeetingNetworkIdOrderByMeetingMeetingDateDesc(network.getId())
                .stream().map(cycle -> new CyclePacks(cycle.getReference(),
                        ReadableDates.day(cycle.getMeeting().getMeetingDate()), cycle.getState() == Cycle.State.CLOSED,
                        packs.hasMet(cycle), packs.versions(cycle.getId()).stream()
                                .map(version -> new VersionRow(version.version(), readable.moment(version.producedAt()),
                                        directory.nameOf(version.producedBy())))
                                .toList()))
                .toList());
        return "packs";
    }

    @GetMapping("/packs/{reference}")
    ResponseEntity<byte[]> latest(@PathVariable String reference) {
        return page(reference, null);
    }

    @GetMapping("/packs/{reference}/versions/{version}")
    ResponseEntity<byte[]> version(@PathVariable String reference, @PathVariable int version) {
        return page(reference, version);
    }

    @GetMapping("/packs/{reference}.pdf")
    ResponseEntity<byte[]> latestPdf(@PathVariable String reference) {
        return pdf(reference, null);
    }

    @GetMapping("/packs/{reference}/versions/{version}.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable String reference, @PathVariable int version) {
        return pdf(reference, version);
    }

    @PostMapping("/packs/{reference}/regenerate")
    String regenerate(@PathVariable String reference, RedirectAttributes result) {
        Cycle cycle = cycleToManage(reference);
        int version = packs.regenerate(cycle.getId(), Viewer.current().userId());
        result.addFlashAttribute("produced", "Version " + version + " of the pack for " + reference + " is ready.");
        return "redirect:/networks/" + cycle.getMeeting().getNetwork().getCode() + "/packs" + DoneNotice.FOCUSED;
    }

    private ResponseEntity<byte[]> page(String reference, Integer version) {
        MeetingPack pack = pack(reference, version);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(pack.htmlBytes());
    }

    private ResponseEntity<byte[]> pdf(String reference, Integer version) {
        MeetingPack pack = pack(reference, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("meeting-pack-" + reference + "-v" + pack.getVersion() + ".pdf").build().toString())
                .body(pack.getPdf());
    }

    private MeetingPack pack(String reference, Integer version) {
        Cycle cycle = cycleToManage(reference);
        return packs.version(cycle.getId(), version).orElseThrow(() -> new NotFoundException(version == null
                ? "The cycle " + reference + " has no meeting pack yet: it is produced when the cycle closes."
                : "The pack for " + reference + " has no version " + version + "."));
    }

    private Cycle cycleToManage(String reference) {
        Cycle cycle = cycles.findWithNetworkByReference(reference)
                .orElseThrow(() -> new NotFoundException("There is no cycle " + reference + "."));
        access.requireManager(cycle.getMeeting().getNetwork(), Viewer.current(), "cycle " + reference);
        return cycle;
    }
}
