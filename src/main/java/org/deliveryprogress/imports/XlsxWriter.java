package org.deliveryprogress.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeRow(Worksheet sheet, int rowIndex, List<String> cells) {
        for (int column = 0; column < cells.size(); column++) {
            if (cells.get(column) != null) {
                sheet.value(rowIndex, column, cells.get(column));
            }
        }
    }
}
