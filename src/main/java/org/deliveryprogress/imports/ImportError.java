package org.deliveryprogress.imports;

/**
 * Something wrong in an imported file, told so that the officer who made the file can find and fix it.
 *
 * @param line    the line of the file, 1-based with the header as line 1; for a CSV record that spans several lines
 *                (a quoted cell with line breaks), the line where it starts; for a spreadsheet, the row number
 * @param column  the column's header name, or null when the error is about the whole line or file
 * @param message plain English, e.g. "the file ends inside a quoted cell that starts here"
 */
record ImportError(int line, String column, String message) {

    /** E.g. {@code Line 4, column "deadline": not a date} or {@code Line 4: has 11 cells, the header has 10}. */
    String describe() {
        return column == null
                ? "Line " + line + ": " + message
                : "Line " + line + ", column \"" + column + "\": " + message;
    }
}
