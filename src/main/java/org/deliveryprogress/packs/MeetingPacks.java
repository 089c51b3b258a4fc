package org.deliveryprogress.packs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.ReadableDates;
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

    /**
     * The PDF is rendered in parts: the sections before the plans' returns, then this many returns to a part (each
     * return, an {@code <article class="plan">}, starts a page). A real network's pack (a Local Area Agreement has
     * about 35 plans) is two parts; a national one of a thousand, twenty-one. Each part rendered or waiting to be
     * joined holds its layout or its PDF in memory: with parts of 50 returns, the thousand plans' pack renders in a
     * 320 MB heap, where parts of 100 needed 384 MB, in about the same time.
     */
    static final int PLANS_PER_PART = 50;

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

    /** The pack produced when the cycle closes: its first version, produced once (a retried job finds it made). */
    @Transactional
    public void produceAtClose(Long cycleId) {
        Cycle cycle = cycles.findAndLock(cycleId).orElseThrow();
        if (cycle.getState() == Cycle.State.CLOSED && packs.findLatestVersion(cycleId) == 0) {
            produce(cycle, null);
        }
    }

    /**
     * A new version, asked for by a manager before the meeting (a late judgement recorded, a comment corrected);
     * the earlier versions stay.
     */
    @Transactional
    int regenerate(Long cycleId, String managerId) {
        Cycle cycle = cycles.findAndLock(cycleId).orElseThrow();
        if (cycle.getState() != Cycle.State.CLOSED) {
            throw new InvalidRequestException(cycle.getReference() + " is still open: its pack is produced when it "
                    + "closes, and may be produced again from then until its meeting.");
        }
        if (packs.findLatestVersion(cycleId) == 0) {
            throw new InvalidRequestException("The pack is produced when the cycle closes; " + cycle.getReference()
                    + "'s first version is not made yet. Try again in a minute.");
        }
        if (hasMet(cycle)) {
            throw new InvalidRequestException("The meeting of " + ReadableDates.day(cycle.getMeeting().getMeetingDate())
                    + " has taken place: its pack stays as it went to the meeting.");
        }
        return produce(cycle, managerId).getVersion();
    }

    /** Whether the cycle's meeting has taken place (from its day on), so that its pack stays as it went to it. */
    boolean hasMet(Cycle cycle) {
        return !LocalDate.now(clock.withZone(properties.timeZone())).isBefore(cycle.getMeeting().getMeetingDate());
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

    /** Produces the next version; the caller holds the cycle's lock, so versions never clash. */
    private MeetingPack produce(Cycle cycle, String producedBy) {
        int version = packs.findLatestVersion(cycle.getId()) + 1;
        Instant now = clock.instant();
        PackContents.Pack pack = contents.of(cycle.getId(), version, now, producedBy);
        Context context = new Context();
        context.setVariable("pack", pack);
        String html = templates.process("pack/pack", context);
        String title = "Meeting pack " + pack.cycleReference() + ", version " + version;
        byte[] pdfBytes = pdf.render(html, title, new PdfRenderer.Parts("plan", PLANS_PER_PART));
        return packs.save(new MeetingPack(cycle, version, now, producedBy, html, pdfBytes));
    }
}
