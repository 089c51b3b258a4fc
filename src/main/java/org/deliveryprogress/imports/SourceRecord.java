package org.deliveryprogress.imports;

import java.util.List;

/** A record as the file holds it, before the header gives its cells names. */
record SourceRecord(int line, List<String> cells) {

    /**
     * The cells a record keeps at most. A register file has a dozen columns; a spreadsheet row with a cell far to the
     * right (column XFD, the 16,384th) would otherwise hold thousands of empty ones, and a file of such rows the
     * server's memory. Blank cells beyond are dropped; text beyond is refused.
     */
    static final int MAX_CELLS = 100;

    SourceRecord {
        int kept = cells.size();
        while (kept > MAX_CELLS && cells.get(kept - 1).isBlank()) {
            kept--;
        }
        if (kept > MAX_CELLS) {
            throw new TableFormatException(new ImportError(line, null, "has text in cell " + kept + ", far to the "
                    + "right of the file's columns: a register file has at most " + MAX_CELLS + " columns"));
        }
        cells = List.copyOf(cells.subList(0, kept));
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
