package org.deliveryprogress.returns;

/**
 * How many of a cycle's returns were judged a status, or, with {@code status} null, how many not judged are in a
 * state ({@link ReturnState#NO_RETURN} for those that returned nothing).
 */
public record StatusCount(Long cycleId, RagStatus status, ReturnState state, long returns) {
}
