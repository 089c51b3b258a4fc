package org.deliveryprogress.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A one-sheet workbook with a bold header row. Every cell is text, so that what was typed stays as typed: "0012" keeps
 * its zeros and "18/11/09" does not turn into a date.
 */
final class XlsxWriter {

    private static final String APPLICATION = "Delivery Progress";
    // fastexcel wants the "major.minor" of the writing application, not this project's version.
    private static final String APPLICATION_VERSION = "1.0";
    /**
     * A column is as wide as its longest line up to this many characters, and a longer text wraps: left to fit its
     * text, a column of officers' notes or plans' titles was some 250 characters wide.
     */
    private static final int WIDEST_COLUMN = 60;

    private XlsxWriter() {
    }

    static byte[] write(String sheetName, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, APPLICATION, APPLICATION_VERSION)) {
            Worksheet sheet = workbook.newWorksheet(sheetName);
            writeRow(sheet, 0, header);
            if (!header.isEmpty()) {
                sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
            }
            for (int index = 0; index < rows.size(); index++) {
                writeRow(sheet, index + 1, rows.get(index));
            }
            for (int column = 0; column < header.size(); column++) {
                sheet.width(column, widthOf(column, header, rows));
            }
            if (!header.isEmpty() && !rows.isEmpty()) {
                sheet.range(1, 0, rows.size(), header.size() - 1).style().wrapText(true).set();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
        return bytes.toByteArray();
    }

    /** The longest line of the column's cells, its header's included, in characters, up to the widest column. */
    private static int widthOf(int column, List<String> header, List<List<String>> rows) {
        int longest = Stream.concat(Stream.of(header), rows.stream())
                .map(row -> column < row.size() ? row.get(column) : null).filter(Objects::nonNull)
                .flatMap(String::lines).mapToInt(String::length).max().orElse(0);
        return Math.min(longest + 2, WIDEST_COLUMN);
    }

    private static void writeRow(Worksheet sheet, int rowIndex, List<String> cells) {
        for (int column = 0; column < cells.size(); column++) {
            if (cells.get(column) != null) {
                sheet.value(rowIndex, column, cells.get(column));
            }
        }
    }
}
