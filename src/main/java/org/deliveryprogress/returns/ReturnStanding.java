package org.deliveryprogress.returns;

/** Where a return stands, and who submitted its update (none yet: nobody); public for the repository's proxy. */
public record ReturnStanding(ReturnState state, String submittedBy) {
}
