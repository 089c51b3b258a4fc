package org.deliveryprogress.packs;

import java.time.Instant;

/** A version of a meeting pack, as listed: when it was produced and by whom (none: at close). */
public record PackVersion(int version, Instant producedAt, String producedBy) {
}
