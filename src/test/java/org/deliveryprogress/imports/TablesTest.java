package org.deliveryprogress.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and writing the CSV and xlsx tables that officers import and export. */
class TablesTest {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String ONE_CELL_PER_COLUMN =
            ": every line needs one cell for each column of the header, an empty one too, and no more";

    /** Values that break naive CSV and spreadsheet code. */
    private static final List<List<String>> NASTY_ROWS = List.of(
            List.of("CC-NI1", "Reduce anti-social behaviour, in the town centre", "Oct 2009"),
            Arrays.asList("CC-NI2", "Say \"no\" to \"hate crime\"", null),
            List.of("CC-LEAD", "• First line\r\n• Second line\n• Third – with a dash", "\"quoted\""),
            List.of("0012", "18/11/09", "a,\"b\",\nc"),
            List.of("CC-5", "Ünïcödé ✓ 日本語 😀", "=1+1"));

    @Test
    void theByteOrderMarkThatExcelWritesIsNotPartOfTheFirstColumnName() {
        Table table = Tables.readCsv(csv(BYTE_ORDER_MARK + "reference,title\r\nCC-1,Youth\r\n"));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows().get(0).get("reference")).isEqualTo("CC-1");
    }

    @Test
    void aFileWithoutByteOrderMarkIsReadAlike() {
        Table table = Tables.readCsv(csv("reference,title\r\nCC-1,Youth\r\n"));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows()).extracting(row -> row.get("title")).containsExactly("Youth");
    }

    @ParameterizedTest(name = "{index}: lines ending with {0}")
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void linesMayEndWithCrlfLfOrCr(String lineEnd) {
        String file = String.join(lineEnd, "reference,title", "CC-1,Youth", "CC-2,Elders") + lineEnd;

        Table table = Tables.readCsv(csv(file));

        assertThat(table.rows()).extracting(Row::line, row -> row.get("reference"), row -> row.get("title"))
                .containsExactly(tuple(2, "CC-1", "Youth"), tuple(3, "CC-2", "Elders"));
        assertThat(table.problems()).isEmpty();
    }

    @Test
    void theLastLineNeedNotEnd() {
        Table table = Tables.readCsv(csv("reference,title\nCC-1,Youth"));

        assertThat(table.rows()).extracting(row -> row.get("title")).containsExactly("Youth");
    }

    @Test
    void aQuotedCellMayHoldLineBreaksAndTheNextRecordKeepsItsLineNumber() {
        String file = """
                reference,actions,deadline
                CC-1,"• Recruit volunteers
                • Train them\r
                • Open the centre",March 2010
                CC-2,Consult,Oct 2009
                """;

        Table table = Tables.readCsv(csv(file));

        assertThat(table.rows()).extracting(Row::line, row -> row.get("reference"))
                .containsExactly(tuple(2, "CC-1"), tuple(5, "CC-2"));
        assertThat(table.rows().get(0).get("actions"))
                .isEqualTo("• Recruit volunteers\n• Train them\r\n• Open the centre");
        assertThat(table.rows().get(0).get("deadline")).isEqualTo("March 2010");
    }

    @Test
    void aQuotedCellMayHoldCommasAndDoubledQuotes() {
        Table table = Tables.readCsv(csv("reference,title\nCC-1,\"Say \"\"no\"\", loudly, to hate crime\"\n"));

        assertThat(table.rows().get(0).get("title")).isEqualTo("Say \"no\", loudly, to hate crime");
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTakenLiterally() {
        Table table = Tables.readCsv(csv("reference,title\nCC-1,The \"Big\" Lunch\n"));

        assertThat(table.rows().get(0).get("title")).isEqualTo("The \"Big\" Lunch");
    }

    @Test
    void blankLinesAndLinesOfBareCommasAreSkippedAndLaterRecordsKeepTheirLineNumbers() {
        String file = "\nreference,title\n\nCC-1,Youth\n,,\n   \nCC-2,Elders\n\n\n";

        Table table = Tables.readCsv(csv(file));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows()).extracting(Row::line, row -> row.get("reference"))
                .containsExactly(tuple(4, "CC-1"), tuple(7, "CC-2"));
        assertThat(table.problems()).isEmpty();
    }

    @Test
    void columnNamesAreStrippedLowerCasedAndJoinedByUnderscoresAndCellsAreStripped() {
        Table table = Tables.readCsv(csv(" Reference , Lead Officer ,Data-entry  officer\n  CC-1  ,\t lead ,clerk\n"));

        assertThat(table.header()).containsExactly("reference", "lead_officer", "data_entry_officer");
        Row row = table.rows().get(0);
        assertThat(row.cells()).containsExactly(
                entry("reference", "CC-1"), entry("lead_officer", "lead"), entry("data_entry_officer", "clerk"));
        assertThat(row.get("Lead Officer")).isEqualTo("lead");
        assertThat(row.get("lead_officer")).isEqualTo("lead");
    }

    @Test
    void aBlankCellIsNullAndSoIsAColumnTheTableDoesNotHave() {
        Table table = Tables.readCsv(csv("reference,title,deadline\nCC-1,  ,\"\"\n"));

        Row row = table.rows().get(0);
        assertThat(row.cells()).containsEntry("title", "").containsEntry("deadline", "");
        assertThat(row.get("title")).isNull();
        assertThat(row.get("deadline")).isNull();
        assertThat(row.get("no such column")).isNull();
    }

    @Test
    void aCsvRecordWithFewerCellsThanTheHeaderIsReportedWithItsLineAndTheCountsAndIsNoRow() {
        Table table = Tables.readCsv(csv("reference,title,deadline\nCC-1,Youth\nCC-2,Elders,Oct 2009\n"));

        assertThat(table.problems()).containsExactly(
                new ImportError(2, null, "has 2 cells, the header has 3" + ONE_CELL_PER_COLUMN));
        assertThat(table.rows()).extracting(row -> row.get("reference")).containsExactly("CC-2");
    }

    @Test
    void aCsvRecordWithMoreCellsThanTheHeaderIsReportedWithItsLineAndTheCountsAndIsNoRow() {
        Table table = Tables.readCsv(csv("reference,title\nCC-1,Youth\nCC-2,Elders,spare,words\n"));

        assertThat(table.problems()).containsExactly(
                new ImportError(3, null, "has 4 cells, the header has 2" + ONE_CELL_PER_COLUMN));
        assertThat(table.rows()).extracting(row -> row.get("reference")).containsExactly("CC-1");
    }

    @Test
    @DisplayName("A CSV record with one empty cell too many is reported, not read with its cells shifted")
    void aCsvRecordWithOneEmptyCellTooManyIsReportedNotReadShifted() {
        // A stray comma after the reference: "Youth" would be read as the deadline, the title left empty.
        Table table = Tables.readCsv(csv("reference,title,deadline\nCC-1,,Youth,\n"));

        assertThat(table.problems()).containsExactly(
                new ImportError(2, null, "has 4 cells, the header has 3" + ONE_CELL_PER_COLUMN));
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void emptyCellsUnderAHeadersEmptyLastColumnsAreNoProblemButTextThereIs() {
        Table table = Tables.readCsv(csv("reference,title,,\nCC-1,Youth,,\nCC-2,Elders,, Spare \n"));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows()).as("read too, for its other mistakes").extracting(row -> row.get("reference"))
                .containsExactly("CC-1", "CC-2");
        assertThat(table.problems()).containsExactly(new ImportError(3, null,
                "column D has text, but the header gives the column no name: name it, or empty the cell"));
    }

    @Test
    void aColumnNamedTwiceIsReportedAndOnlyItsFirstCellsAreRead() {
        Table table = Tables.readCsv(csv("reference,title,Reference\nCC-1,Youth,CC-9\n"));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows().get(0).get("reference")).isEqualTo("CC-1");
        assertThat(table.problems()).containsExactly(new ImportError(1, "reference",
                "the header has this column twice, as columns A and C; only column A is read"));
    }

    @Test
    void aColumnWithoutANameIsReported() {
        Table table = Tables.readCsv(csv("reference,,title\nCC-1,x,Youth\n"));

        assertThat(table.header()).containsExactly("reference", "title");
        assertThat(table.rows().get(0).get("title")).isEqualTo("Youth");
        assertThat(table.problems()).containsExactly(
                new ImportError(1, null, "column B has no name in the header, so it is not read"));
    }

    @Test
    void textThatIsNotUtf8IsRefusedAtTheLineAndColumnOfTheFirstBadByte() {
        byte[] windows1252 = "reference,title\r\nCC-1,Youth\r\nCC-2,Caf\u00e9 society\r\n"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(refusal(windows1252)).isEqualTo(new ImportError(3, "title",
                "the text is not UTF-8: save the file as 'CSV UTF-8'"));
    }

    @Test
    void aBadByteInACellOfSeveralLinesIsRefusedAtItsOwnLine() {
        byte[] file = concat(csv("reference,title,notes\nCC-1,\"Youth\r\nand play\",\"first\nsecond "),
                new byte[] {(byte) 0xE9}, csv(" third\"\n"));

        assertThat(refusal(file)).isEqualTo(new ImportError(4, "notes",
                "the text is not UTF-8: save the file as 'CSV UTF-8'"));
    }

    @Test
    void aBadByteInTheHeaderIsRefusedByItsColumnsLetter() {
        byte[] file = concat(csv("reference,caf"), new byte[] {(byte) 0xE9}, csv("\nCC-1,x\n"));

        assertThat(refusal(file)).isEqualTo(new ImportError(1, null,
                "in column B, the text is not UTF-8: save the file as 'CSV UTF-8'"));
    }

    @Test
    void aFileThatEndsInsideAQuotedCellIsRefusedAtTheLineAndColumnWhereTheQuoteOpened() {
        String file = "reference,title\nCC-1,Youth\nCC-2,\"Elders\nCC-3,Families\nCC-4,Schools\n";

        assertThat(refusal(csv(file))).isEqualTo(new ImportError(3, "title",
                "the file ends inside the quoted cell that starts here: its closing quote is missing"));
    }

    @Test
    void aQuoteLeftOpenAfterACellOfSeveralLinesIsRefusedWhereItOpened() {
        String file = "reference,title,notes\nCC-1,\"Youth\nand play\",\"never closed\nCC-2,Elders,\n";

        assertThat(refusal(csv(file))).isEqualTo(new ImportError(3, "notes",
                "the file ends inside the quoted cell that starts here: its closing quote is missing"));
    }

    @Test
    void textAfterAClosingQuoteIsRefusedAtTheLineAndColumnWhereTheCellStarts() {
        String file = "reference,title\nCC-1,\"Youth\nand play\" area\n";

        assertThat(refusal(csv(file))).isEqualTo(new ImportError(2, "title", "the quoted cell that starts here has "
                + "text after its closing quote: quote the whole cell, and write each quote inside it twice"));
    }

    @Test
    void blanksAroundAQuotedCellAreForgiven() {
        Table table = Tables.readCsv(csv("reference,title,theme\nCC-1, \"Youth, play\"  ,\t\"Cohesion\"\n"));

        assertThat(table.rows().get(0).cells().values()).containsExactly("CC-1", "Youth, play", "Cohesion");
        assertThat(table.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{index}: \"{0}\"")
    @ValueSource(strings = {"", BYTE_ORDER_MARK, "\r\n\r\n", " ,, \n,\n"})
    void aFileWithoutAHeaderIsRefused(String file) {
        assertThatThrownBy(() -> Tables.readCsv(csv(file)))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(1, null, "the file is empty")));
    }

    @Test
    void aSemicolonSeparatedFileFromAContinentalExcelIsRead() {
        Table table = Tables.readCsv(csv("reference;title;budget\r\nCC-1;\"Youth; play\";1,5\r\n"));

        assertThat(table.header()).containsExactly("reference", "title", "budget");
        assertThat(table.rows().get(0).cells().values()).containsExactly("CC-1", "Youth; play", "1,5");
    }

    @Test
    void aSemicolonSeparatedFileWhoseHeaderQuotesACommaIsRead() {
        Table table = Tables.readCsv(csv("\"reference, short\";title\r\n\"CC,1\";Youth\r\n"));

        assertThat(table.header()).containsExactly("reference, short", "title");
        assertThat(table.rows().get(0).cells().values()).containsExactly("CC,1", "Youth");
    }

    @Test
    void semicolonsDoNotSplitAFileWhoseHeaderHasCommas() {
        Table table = Tables.readCsv(csv("reference,\"title; subtitle\"\r\nCC-1;x,Youth; play\r\n"));

        assertThat(table.header()).containsExactly("reference", "title; subtitle");
        assertThat(table.rows().get(0).cells().values()).containsExactly("CC-1;x", "Youth; play");
    }

    @Test
    void writtenCsvIsUtf8WithAByteOrderMarkCrlfLineEndsAndQuotesOnlyWhereNeeded() {
        byte[] written = Tables.writeCsv(List.of("reference", "title", "notes"),
                List.of(Arrays.asList("CC-1", "Youth, play", null), List.of("CC-2", "Say \"no\"", "two\nlines")));

        assertThat(new String(written, UTF_8)).isEqualTo(BYTE_ORDER_MARK
                + "reference,title,notes\r\n"
                + "CC-1,\"Youth, play\",\r\n"
                + "CC-2,\"Say \"\"no\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void writtenCsvReadsBackAsWritten() {
        List<String> header = List.of("reference", "title", "deadline");

        Table table = Tables.readCsv(Tables.writeCsv(header, NASTY_ROWS));

        assertThat(table.header()).isEqualTo(header);
        assertThat(cellsOf(table)).isEqualTo(blankForNull(NASTY_ROWS));
        assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3, 4, 7, 9);
        assertThat(table.problems()).isEmpty();
    }

    @Test
    @DisplayName("A written CSV cell that a spreadsheet would run as a formula is marked as text with an apostrophe; a "
            + "number is not")
    void writtenCsvMarksFormulasAsText() {
        List<String> cells = List.of("=HYPERLINK(\"http://evil.example\",\"Open\")", "@SUM(A1)",
                "+1 on last year", "- behind: see note", "\t=1+1", "'=already marked", "-3.5", "+2", "75.7", "a=b",
                "'apostrophe");

        String written = new String(Tables.writeCsv(List.of("note"), cells.stream().map(List::of).toList()), UTF_8);

        assertThat(written.lines().skip(1)).containsExactly("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\"",
                "'@SUM(A1)", "'+1 on last year", "'- behind: see note", "'\t=1+1", "''=already marked", "-3.5", "+2",
                "75.7", "a=b", "'apostrophe");
        assertThat(Tables.readCsv(written.getBytes(UTF_8)).rows()).extracting(row -> row.cells().get("note"))
                .as("read back as they were, but for the blanks every cell is stripped of")
                .containsExactly("=HYPERLINK(\"http://evil.example\",\"Open\")", "@SUM(A1)", "+1 on last year",
                        "- behind: see note", "=1+1", "'=already marked", "-3.5", "+2", "75.7", "a=b", "'apostrophe");
    }

    @Test
    @DisplayName("An apostrophe before a formula in a CSV made in a spreadsheet is its text mark, and is not read")
    void anApostropheBeforeAFormulaIsNotRead() {
        Table table = Tables.readCsv(csv("reference,note\r\nCC-1,'=1+1\r\nCC-2,'-\r\nCC-3,'Tis\r\n"));

        assertThat(table.rows()).extracting(row -> row.cells().get("note")).containsExactly("=1+1", "-", "'Tis");
    }

    @Test
    @DisplayName("A written xlsx column is as wide as its longest line, up to 60 characters; a longer text wraps")
    void writtenXlsxColumnsHaveReadableWidths(@TempDir Path folder) throws IOException {
        byte[] workbook = Tables.writeXlsx("Plans", List.of("reference", "contact"),
                List.of(List.of("CC-NI1", "x".repeat(300)), List.of("CC-LEAD", "short")));

        Path file = Files.write(folder.resolve("plans.xlsx"), workbook);
        String sheet;
        String styles;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), UTF_8);
            styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), UTF_8);
        }
        assertThat(sheet).containsPattern("<col min=\"1\" max=\"1\" width=\"11(\\.0+)?\"")
                .containsPattern("<col min=\"2\" max=\"2\" width=\"60(\\.0+)?\"");
        assertThat(styles).contains("wrapText=\"true\"");
        assertThat(Tables.readXlsx(workbook).rows()).extracting(row -> row.cells().get("contact"))
                .containsExactly("x".repeat(300), "short");
    }

    @Test
    @DisplayName("A written xlsx cell is text, never a formula, whatever it starts with")
    void writtenXlsxHasNoFormulas(@TempDir Path folder) throws IOException {
        byte[] workbook = Tables.writeXlsx("Values", List.of("note"), List.of(List.of("=1+1"), List.of("@SUM(A1)")));

        Path file = Files.write(folder.resolve("values.xlsx"), workbook);
        String sheet;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), UTF_8);
        }
        assertThat(sheet).doesNotContain("<f>").doesNotContain("<f ");
        assertThat(Tables.readXlsx(workbook).rows()).extracting(row -> row.cells().get("note"))
                .containsExactly("=1+1", "@SUM(A1)");
    }

    @Test
    void writtenXlsxReadsBackAsWritten() {
        List<String> header = List.of("reference", "title", "deadline");

        Table table = Tables.readXlsx(Tables.writeXlsx("Delivery plans", header, NASTY_ROWS));

        assertThat(table.header()).isEqualTo(header);
        assertThat(cellsOf(table)).isEqualTo(blankForNull(NASTY_ROWS));
        assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(table.problems()).isEmpty();
    }

    @Test
    void xlsxNumbersDatesAndBooleansAreReadAsTheTextAnOfficerSees() throws IOException {
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 0, "year", "share", "sum", "date", "date and time", "done", "text");
            sheet.value(1, 0, 2010);
            sheet.value(1, 1, 0.5);
            sheet.value(1, 2, 0.1 + 0.2);
            sheet.value(1, 3, LocalDate.of(2009, 11, 18));
            sheet.style(1, 3).format("dd/mm/yyyy").set();
            sheet.value(1, 4, LocalDateTime.of(2010, 3, 31, 17, 30));
            sheet.style(1, 4).format("d mmm yy h:mm").set();
            sheet.value(1, 5, true);
            sheet.value(1, 6, "0012");
            sheet.value(2, 0, -1234567.25);
            sheet.style(2, 0).format("#,##0.00;[Red]-#,##0.00").set();
            sheet.value(2, 5, false);
        });

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows().get(0).cells().values())
                .containsExactly("2010", "0.5", "0.3", "2009-11-18", "2010-03-31", "true", "0012");
        assertThat(table.rows().get(1).get("year")).isEqualTo("-1234567.25");
        assertThat(table.rows().get(1).get("done")).isEqualTo("false");
    }

    @Test
    @DisplayName("An xlsx percentage is read as the sheet shows it, 77.5%, not as the 0.775 Excel keeps")
    void xlsxPercentagesAreReadAsShown() throws IOException {
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 0, "value", "target", "literal", "plain");
            sheet.value(1, 0, 0.775);
            sheet.style(1, 0).format("0.0%").set();
            sheet.value(1, 1, 0.31);
            sheet.style(1, 1).format("0%").set();
            sheet.value(1, 2, 31);
            sheet.style(1, 2).format("0\\%").set();
            sheet.value(1, 3, 0.31);
        });

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows().get(0).cells().values()).containsExactly("77.5%", "31%", "31", "0.31");
    }

    @Test
    @DisplayName("An xlsx month is read as the month it shows, which a deadline ends with, not as its first day, and a "
            + "year as the year, not its January")
    void xlsxMonthsAreReadAsMonths() throws IOException {
        // Excel keeps "Mar 2010" typed in a cell as 1 March 2010, shown as Mar-10.
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 0, "deadline", "long", "day", "year");
            sheet.value(1, 0, LocalDate.of(2010, 3, 1));
            sheet.style(1, 0).format("mmm-yy").set();
            sheet.value(1, 1, LocalDate.of(2010, 9, 1));
            sheet.style(1, 1).format("mmmm yyyy").set();
            sheet.value(1, 2, LocalDate.of(2010, 3, 1));
            sheet.style(1, 2).format("d-mmm-yy").set();
            sheet.value(1, 3, LocalDate.of(2011, 1, 1));
            sheet.style(1, 3).format("yyyy").set();
        });

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows().get(0).cells().values()).containsExactly("Mar 2010", "Sep 2010", "2010-03-01",
                "2011");
        assertThat(Deadlines.dateIn(table.rows().get(0).get("deadline"))).contains(LocalDate.of(2010, 3, 31));
    }

    @Test
    void xlsxDatesInExcelsBuiltInDateFormatsAreReadAsDates() throws IOException {
        // Excel saves a date typed as 18/11/2009 with built-in format 14, named by its id alone.
        byte[] workbook = zip(
                "[Content_Types].xml", """
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                          <Default Extension="rels"
                              ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                          <Default Extension="xml" ContentType="application/xml"/>
                          <Override PartName="/xl/workbook.xml"
                              ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                          <Override PartName="/xl/worksheets/sheet1.xml"
                              ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                          <Override PartName="/xl/styles.xml"
                              ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                        </Types>""",
                "_rels/.rels", """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                          <Relationship Id="rId1"
                              Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
                              Target="xl/workbook.xml"/>
                        </Relationships>""",
                "xl/workbook.xml", """
                        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                          <sheets><sheet name="Plans" sheetId="1" r:id="rId1"/></sheets>
                        </workbook>""",
                "xl/_rels/workbook.xml.rels", """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                          <Relationship Id="rId1"
                              Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
                              Target="worksheets/sheet1.xml"/>
                          <Relationship Id="rId2"
                              Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
                              Target="styles.xml"/>
                        </Relationships>""",
                "xl/styles.xml", """
                        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                          <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs>
                        </styleSheet>""",
                "xl/worksheets/sheet1.xml", """
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                          <row r="1"><c r="A1" t="inlineStr"><is><t>deadline</t></is></c><c r="B1"
                              t="inlineStr"><is><t>reviewed</t></is></c><c r="C1"
                              t="inlineStr"><is><t>count</t></is></c></row>
                          <row r="2"><c r="A2" s="1"><v>40135</v></c><c r="B2"
                              s="2"><v>40268.75</v></c><c r="C2"><v>40135</v></c></row>
                        </sheetData></worksheet>""");

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows().get(0).cells().values()).containsExactly("2009-11-18", "2010-03-31", "40135");
    }

    @Test
    void anXlsxRecordsLineIsItsRowNumberAndBlankRowsAreSkipped() throws IOException {
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 1, "reference", "title");
            texts(sheet, 2, "CC-1", "Youth");
            texts(sheet, 3, "", " ");
            texts(sheet, 4, "CC-2", "Elders");
        });

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows()).extracting(Row::line, row -> row.get("reference"))
                .containsExactly(tuple(3, "CC-1"), tuple(5, "CC-2"));
        assertThat(table.problems()).isEmpty();
    }

    @Test
    @DisplayName("An xlsx row may leave out its empty last cells, as workbooks do, but text past the header's last "
            + "column is reported, as in CSV")
    void anXlsxRowMayLeaveOutEmptyCellsButTextPastTheHeaderIsReported() throws IOException {
        byte[] workbook = workbook(sheet -> {
            texts(sheet, 0, "reference", "title", "deadline");
            texts(sheet, 1, "CC-1", "Youth");
            texts(sheet, 2, "CC-2", "Elders", "Oct 2009", "", "spare");
            texts(sheet, 3, "CC-3", "Families", "", "");
        });

        Table table = Tables.readXlsx(workbook);

        assertThat(table.rows()).extracting(row -> row.get("reference"), row -> row.get("deadline"))
                .containsExactly(tuple("CC-1", null), tuple("CC-2", "Oct 2009"), tuple("CC-3", null));
        assertThat(table.problems()).containsExactly(new ImportError(3, null,
                "column E has text, but the header gives the column no name: name it, or empty the cell"));
    }

    @Test
    @DisplayName("A spreadsheet's blank cells far to the right (column XFD) are dropped, and text there is refused "
            + "by its row")
    void cellsFarToTheRight() throws IOException {
        int lastColumn = 16_383;
        byte[] blanks = workbook(sheet -> {
            texts(sheet, 0, "reference", "title");
            for (int row = 1; row <= 2_000; row++) {
                texts(sheet, row, "CC-" + row, "Plan " + row);
                sheet.value(row, lastColumn, " ");
            }
        });
        Table table = Tables.readXlsx(blanks);
        assertThat(table.rows()).hasSize(2_000);
        assertThat(table.problems()).isEmpty();

        byte[] text = workbook(sheet -> {
            texts(sheet, 0, "reference", "title");
            texts(sheet, 1, "CC-1", "Youth");
            sheet.value(2, 0, "CC-2");
            sheet.value(2, lastColumn, "stray");
        });
        assertThatThrownBy(() -> Tables.readXlsx(text))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(3, null, "has text in cell 16384, far to the right of the "
                                + "file's columns: a register file has at most 100 columns")));
    }

    @Test
    void anEmptyFirstSheetIsRefused() throws IOException {
        byte[] workbook = workbook(sheet -> sheet.value(0, 0, ""));

        assertThatThrownBy(() -> Tables.readXlsx(workbook))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(1, null, "the first sheet is empty")));
    }

    /**
     * Saying what to do, as for an old .xls: a ZIP that is no workbook is most often a spreadsheet saved as
     * LibreOffice's .ods, or a Word document chosen by mistake.
     */
    @Test
    void contentThatIsNotAnXlsxWorkbookIsRefusedSayingHowToSaveIt() throws IOException {
        byte[] otherZip = zip("plans.csv", "reference\nCC-1\n");

        for (byte[] content : List.of(csv("reference,title\nCC-1,Youth\n"), otherZip, Arrays.copyOf(otherZip, 20))) {
            assertThatThrownBy(() -> Tables.readXlsx(content))
                    .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                            .containsExactly(new ImportError(1, null, "not an Excel .xlsx workbook (an "
                                    + "OpenDocument .ods, say): save it as .xlsx or 'CSV UTF-8'")));
        }
    }

    @Test
    void readTellsXlsxFromCsvByTheContent() {
        List<String> header = List.of("reference", "title");
        List<List<String>> rows = List.of(List.of("CC-1", "Youth"));

        for (byte[] content : List.of(Tables.writeXlsx("Plans", header, rows), Tables.writeCsv(header, rows),
                csv("reference,title\nCC-1,Youth"))) {
            Table table = Tables.read(content);
            assertThat(table.header()).isEqualTo(header);
            assertThat(cellsOf(table)).isEqualTo(rows);
        }
    }

    @Test
    void readRefusesAnOldXlsOrPasswordProtectedWorkbook() {
        byte[] compoundFile = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0, 0, 0};

        assertThatThrownBy(() -> Tables.read(compoundFile))
                .isInstanceOfSatisfying(TableFormatException.class, refused -> assertThat(refused.errors())
                        .extracting(ImportError::message).singleElement().asString().contains(".xlsx"));
    }

    @Test
    @DisplayName("A PDF chosen for a spreadsheet (a meeting pack, downloaded beside it) is refused as a PDF, not as "
            + "text that is not UTF-8 in a column named after its first line")
    void readRefusesAPdfSayingItIsOne() {
        byte[] pdf = concat(csv("%PDF-1.6\n%"), new byte[] {(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3});

        assertThatThrownBy(() -> Tables.read(pdf)).isInstanceOfSatisfying(TableFormatException.class,
                refused -> assertThat(refused.errors()).containsExactly(new ImportError(1, null,
                        "a PDF document, not a spreadsheet: choose the register's .xlsx or 'CSV UTF-8' file")));
    }

    @Test
    void readTakesATinyCsvForCsv() {
        assertThat(Tables.read(csv("a")).header()).containsExactly("a");
    }

    @Test
    void anErrorDescribesItselfWithLineAndColumn() {
        assertThat(new ImportError(4, "deadline", "not a date").describe())
                .isEqualTo("Line 4, column \"deadline\": not a date");
        assertThat(new ImportError(4, null, "has 11 cells, the header has 10").describe())
                .isEqualTo("Line 4: has 11 cells, the header has 10");
    }

    private static byte[] csv(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    /** The one fault that stopped the file being read. */
    private static ImportError refusal(byte[] csv) {
        try {
            Tables.readCsv(csv);
        } catch (TableFormatException refused) {
            assertThat(refused.errors()).hasSize(1);
            return refused.errors().get(0);
        }
        throw new AssertionError("read, not refused");
    }

    private static List<List<String>> cellsOf(Table table) {
        return table.rows().stream().map(row -> List.copyOf(row.cells().values())).toList();
    }

    private static List<List<String>> blankForNull(List<List<String>> rows) {
        return rows.stream()
                .map(row -> row.stream().map(cell -> cell == null ? "" : cell).toList())
                .toList();
    }

    private static byte[] workbook(Consumer<Worksheet> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "TablesTest", "1.0")) {
            content.accept(workbook.newWorksheet("Sheet1"));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int index = 0; index < namesAndTexts.length; index += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[index]));
                zip.write(namesAndTexts[index + 1].getBytes(UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /** A row of text cells from column A. */
    private static void texts(Worksheet sheet, int rowIndex, String... texts) {
        for (int column = 0; column < texts.length; column++) {
            sheet.value(rowIndex, column, texts[column]);
        }
    }
}
