package org.deliveryprogress.imports;

import java.util.List;

/**
 * A file read as a table: the header's column names and the records under it.
 *
 * @param header   the distinct, non-blank column names, stripped and lower-cased, in the file's order
 * @param rows     the records that fit the header, without blank ones
 * @param problems what is wrong with the file's shape but did not stop it being read: duplicate or blank column
 *                 names, records that do not fit the header (left out of the rows); the caller decides whether to
 *                 go on
 */
record Table(List<String> header, List<Row> rows, List<ImportError> problems) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
