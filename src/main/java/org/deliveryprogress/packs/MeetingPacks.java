package org.deliveryprogress.packs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.deliveryprogress.api.BadRequestException;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Produces a cycle's meeting pack, as a page and a PDF made from that page, and keeps every version as it was
 * produced: a pack shown later is the one the meeting got, whatever has changed in the plans since.
 */
@Service
public class MeetingPacks {

    private final PackContents contents;
    private final MeetingPackRepository packs;
    private final CycleRepository cycles;
    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final Clock clock;
    private final CycleProperties properties;

    MeetingPacks(PackContents contents, MeetingPackRepository packs, CycleRepository cycles,
            TemplateEngine templates, PdfRenderer pdf, Clock clock, CycleProperties properties) {
        this.contents = contents;
        this.packs = packs;
        this.cycles = cycles;
        this.templates = templates;
        this.pdf = pdf;
        this.clock = clock;
        this.properties = properties;
    }

    /** The pack produced when the cycle closes: its first version, produced once. */
    @Transactional
    public void produceAtClose(Long cycleId) {
        if (packs.findFirstByCycleIdOrderByVersionDesc(cycleId).isEmpty()) {
            produce(cycleId, null);
        }
    }

    /**
     * A new version, asked for by a manager before the meeting (a late judgement recorded, a comment corrected);
     * the earlier versions stay.
     */
    @Transactional
    public int regenerate(Long cycleId, String managerId) {
        Cycle cycle = cycles.findById(cycleId).orElseThrow();
        if (cycle.getState() != Cycle.State.CLOSED) {
            throw new BadRequestException("The pack is produced when the cycle closes; " + cycle.getReference()
                    + " is still open.");
        }
        if (!LocalDate.now(clock.withZone(properties.timeZone())).isBefore(cycle.getMeeting().getMeetingDate())) {
            throw new BadRequestException("The meeting of " + PackContents.DAY.format(cycle.getMeeting()
                    .getMeetingDate()) + " has taken place: its pack stays as it went to the meeting.");
        }
        return produce(cycleId, managerId).getVersion();
    }

    @Transactional(readOnly = true)
    public List<PackVersion> versions(Long cycleId) {
        return packs.findVersions(cycleId);
    }

    @Transactional(readOnly = true)
    Optional<MeetingPack> version(Long cycleId, Integer version) {
        return version == null ? packs.findFirstByCycleIdOrderByVersionDesc(cycleId)
                : packs.findByCycleIdAndVersion(cycleId, version);
    }

    private MeetingPack produce(Long cycleId, String producedBy) {
        int version = packs.findFirstByCycleIdOrderByVersionDesc(cycleId).map(MeetingPack::getVersion).orElse(0) + 1;
        PackContents.Pack pack = contents.of(cycleId, version, clock.instant(), producedBy);
        Context context = new Context();
        context.setVariable("pack", pack);
        String html = templates.process("pack/pack", context);
        String title = "Meeting pack " + pack.cycleReference() + ", version " + version;
        return packs.save(new MeetingPack(cycles.getReferenceById(cycleId), version, clock.instant(), producedBy,
                html, pdf.render(html, title)));
    }
}
