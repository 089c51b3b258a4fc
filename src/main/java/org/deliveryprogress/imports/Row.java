package org.deliveryprogress.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One record of an imported table.
 *
 * @param line  where the record starts in the file (see {@link ImportError#line()})
 * @param cells a cell for every column of the header, keyed by its header name and in the header's order; values are
 *              stripped, and a cell the file leaves out is ""
 */
record Row(int line, Map<String, String> cells) {

    public Row {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell's text, or null when the cell is blank or the table has no such column. */
    String get(String column) {
        String value = cells.get(columnName(column));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the table has the column, whatever its cell holds. */
    boolean has(String column) {
        return cells.containsKey(columnName(column));
    }

    /** The cell's text where the table has the column; otherwise what the register holds, which the file leaves. */
    String getOrKept(String column, String kept) {
        return has(column) ? get(column) : kept;
    }

    /**
     * A column's name as the layouts write it, whatever its case and however its words are joined (by blanks, hyphens
     * or underscores): a spreadsheet typed by hand heads its columns "Lead Officer" or "Data-entry officer", and was
     * refused as having none of them.
     */
    static String columnName(String written) {
        return written.strip().toLowerCase(Locale.ROOT).replaceAll("(?<=\\w)[\\s_-]+(?=\\w)", "_");
    }
}
