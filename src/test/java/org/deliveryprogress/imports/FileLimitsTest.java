package org.deliveryprogress.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.deliveryprogress.support.HostileWorkbooks;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A file far larger than a register, as a hostile one would be: refused at the limit, while it is read, without the
 * whole of it in memory.
 */
class FileLimitsTest {

    private static final String TOO_MANY_ROWS = "the file has more than 50,000 rows under its header, the most an "
            + "import reads, and far more than a register holds: check that it is the right file, or import it in "
            + "parts";

    @Test
    @DisplayName("A CSV file of 50,000 rows is read, blank lines not counted; one row more is refused at its line")
    void csvRowsPastTheLimitAreRefused() {
        StringBuilder file = new StringBuilder("reference,title\n");
        for (int row = 1; row <= FileLimits.MAX_ROWS; row++) {
            file.append("CC-").append(row).append(",Plan\n").append(row % 1_000 == 0 ? ",\n\n" : "");
        }
        assertThat(Tables.readCsv(file.toString().getBytes(UTF_8)).rows()).hasSize(FileLimits.MAX_ROWS);

        int lineOfTheRowTooMany = Math.toIntExact(file.chars().filter(c -> c == '\n').count()) + 1;
        // Read no further: the open quote after it would be refused otherwise.
        file.append("CC-last,Plan\n").append("CC-never-read,\"open quote\n");
        assertThatThrownBy(() -> Tables.readCsv(file.toString().getBytes(UTF_8)))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(lineOfTheRowTooMany, null, TOO_MANY_ROWS)));
    }

    @Test
    @DisplayName("A workbook of 50,001 rows is refused at the row past the limit")
    void xlsxRowsPastTheLimitAreRefused() {
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 0, "reference", "title");
            for (int row = 1; row <= FileLimits.MAX_ROWS + 1; row++) {
                texts(sheet, row, "CC-" + row, "Plan");
                flushEvery(sheet, row);
            }
        });

        assertThatThrownBy(() -> Tables.readXlsx(workbook))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(FileLimits.MAX_ROWS + 2, null, TOO_MANY_ROWS)));
    }

    @Test
    @DisplayName("A cell of 10,000 characters is read (counted as characters, not as Java's chars); one of 10,001 is "
            + "refused by its line and column, in CSV and xlsx alike")
    void aCellPastTheLimitIsRefused() {
        String longest = "😀".repeat(FileLimits.MAX_CELL_CHARACTERS);
        String tooLong = "x".repeat(FileLimits.MAX_CELL_CHARACTERS + 1);
        ImportError refusal = new ImportError(3, "title", "is 10,001 characters long, and no column of the register "
                + "keeps more than 10,000: the file was read no further");

        assertThat(Tables.readCsv(("reference,title\nCC-1," + longest + "\n").getBytes(UTF_8)).rows())
                .extracting(row -> row.get("title")).containsExactly(longest);
        assertThatThrownBy(() -> Tables.readCsv(("reference,title\nCC-1,Youth\nCC-2," + tooLong + "\nCC-3,Elders\n")
                .getBytes(UTF_8))).isInstanceOfSatisfying(TableFormatException.class,
                        refused -> assertThat(refused.errors()).containsExactly(refusal));

        assertThat(Tables.readXlsx(workbook(sheet -> {
            texts(sheet, 0, "reference", "title");
            texts(sheet, 1, "CC-1", longest);
        })).rows()).extracting(row -> row.get("title")).containsExactly(longest);
        assertThatThrownBy(() -> Tables.readXlsx(workbook(sheet -> {
            texts(sheet, 0, "reference", "title");
            texts(sheet, 1, "CC-1", "Youth");
            texts(sheet, 2, "CC-2", tooLong);
        }))).isInstanceOfSatisfying(TableFormatException.class,
                refused -> assertThat(refused.errors()).containsExactly(refusal));
    }

    @Test
    @DisplayName("A workbook that unzips past the limit (a zip bomb: rows of long texts, each under the cell limit, "
            + "far fewer than the row limit) is refused before its rows are read")
    void aWorkbookThatUnzipsPastTheLimitIsRefused() {
        byte[] bomb = HostileWorkbooks.unzippingPast(FileLimits.MAX_UNZIPPED_BYTES);
        assertThat(bomb.length).as("zipped").isLessThan(1024 * 1024);

        assertThatThrownBy(() -> Tables.read(bomb))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(1, null, "the workbook unzips to more than 50 MB, the most an "
                                + "import reads, and far more than a register's workbook: check that it is the right "
                                + "file, or save its first sheet alone as CSV UTF-8")));
    }

    private static void flushEvery(Worksheet sheet, int row) {
        if (row % 1_000 == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] workbook(Consumer<Worksheet> content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "FileLimitsTest", "1.0")) {
            content.accept(workbook.newWorksheet("Sheet1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void texts(Worksheet sheet, int rowIndex, String... texts) {
        for (int column = 0; column < texts.length; column++) {
            sheet.value(rowIndex, column, texts[column]);
        }
    }
}
