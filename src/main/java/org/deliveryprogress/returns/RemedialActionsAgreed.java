package org.deliveryprogress.returns;

/**
 * Published when a network manager agrees a return's remedial actions, inside the transaction that records it: the
 * plan's officers are told (package reminders), in the same transaction, so that the news and the agreement stand or
 * fall together.
 */
public record RemedialActionsAgreed(Long returnId) {
}
