package org.deliveryprogress.returns;

/** How many of a cycle's returns were judged a status; {@code status} null for those not judged. */
public record StatusCount(Long cycleId, RagStatus status, long returns) {
}
