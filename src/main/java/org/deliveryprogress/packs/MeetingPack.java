package org.deliveryprogress.packs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.deliveryprogress.cycles.Cycle;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * One version of a cycle's meeting pack, frozen: the page and the PDF as they were produced, whatever changes in
 * the plans afterwards. Version 1 is produced when the cycle closes; a manager may produce later versions before the
 * meeting, and the earlier ones stay.
 */
@Entity
class MeetingPack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cycle cycle;

    private int version;
    private Instant producedAt;
    /** Who asked for this version; none for the one produced at close. */
    private String producedBy;

    @Basic(fetch = FetchType.LAZY)
    private String html;

    @Basic(fetch = FetchType.LAZY)
    private byte[] pdf;

    protected MeetingPack() {
    }

    MeetingPack(Cycle cycle, int version, Instant producedAt, String producedBy, String html, byte[] pdf) {
        this.cycle = cycle;
        this.version = version;
        this.producedAt = producedAt;
        this.producedBy = producedBy;
        this.html = html;
        this.pdf = pdf;
    }

    Cycle getCycle() {
        return cycle;
    }

    int getVersion() {
        return version;
    }

    String getProducedBy() {
        return producedBy;
    }

    byte[] htmlBytes() {
        return html.getBytes(StandardCharsets.UTF_8);
    }

    String getHtml() {
        return html;
    }

    byte[] getPdf() {
        return pdf;
    }
}
