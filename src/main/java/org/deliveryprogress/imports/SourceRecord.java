package org.deliveryprogress.imports;

import java.util.List;

/** A record as the file holds it, before the header gives its cells names. */
record SourceRecord(int line, List<String> cells) {

    SourceRecord {
        cells = List.copyOf(cells);
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
