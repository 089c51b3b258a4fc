package org.deliveryprogress.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks built to exhaust a reader, as a hostile manager's or a broken tool's would be. */
public final class HostileWorkbooks {

    private HostileWorkbooks() {
    }

    /**
     * A plans workbook as a tester's zip bomb, 300,000 rows of 30,000-character titles zipped to 10 MB, made smaller:
     * rows of 9,000-character titles (each under a cell's limit, far fewer rows than the row limit) whose sheet unzips
     * to just over the given size, zipped to a few hundred kilobytes.
     */
    public static byte[] unzippingPast(long bytes) {
        String title = "Reduce anti-social behaviour ".repeat(9_000 / 29);
        int rows = Math.toIntExact(bytes / title.length() + 1);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(zipped, "HostileWorkbooks", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            sheet.value(0, 0, "reference");
            sheet.value(0, 1, "title");
            for (int row = 1; row <= rows; row++) {
                sheet.value(row, 0, "BOMB-" + row);
                // Inline, as a hostile file may write it: shared strings would hold one title for every row.
                sheet.inlineString(row, 1, title);
                if (row % 1_000 == 0) {
                    sheet.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }
}
