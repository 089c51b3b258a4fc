package org.deliveryprogress.cycles;

import java.time.Instant;

/** The moments a cycle's work falls due, all counted back from the meeting in working days. */
public record CycleDeadlines(Instant updatesDue, Instant judgementsDue, Instant proposalsDue, Instant agreementsDue,
        Instant close) {
}
