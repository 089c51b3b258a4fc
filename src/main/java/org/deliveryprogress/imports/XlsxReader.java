package org.deliveryprogress.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The first sheet of an xlsx workbook, every cell as the text an officer would expect to see: whole numbers without
 * ".0", percentages as "77.5%", dates as yyyy-MM-dd (months as "Mar 2010", years as "2010"), booleans as "true" or
 * "false".
 */
final class XlsxReader {

    private static final ReadingOptions WITH_CELL_FORMATS = new ReadingOptions(true, false);

    /** Literal text, [colours] and [$-locales], and escaped characters: none of them makes a format a date. */
    private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|[\\\\_*].");

    /** Excel shows at most 15 significant digits: it saves 0.1 + 0.2 as 0.30000000000000004 and shows 0.3. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    /** A month as deadlines are written, "Mar 2010", which the register reads as the month's last day. */
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private XlsxReader() {
    }

    /**
     * The first sheet's non-blank rows.
     *
     * @throws TableFormatException when the content is not a workbook, or passes one of the {@link FileLimits}
     */
    static List<SourceRecord> records(byte[] content) {
        try {
            FileLimits.requireUnzippedWithinLimit(content);
            return rows(content);
        } catch (TableFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // fastexcel-reader meets a damaged or foreign file with whatever exception its parsing hits; a ZIP that
            // is no workbook is most often a LibreOffice .ods, which its own program saves as .xlsx too.
            throw new TableFormatException(new ImportError(1, null, "not an Excel .xlsx workbook (an OpenDocument "
                    + ".ods, say): save it as .xlsx or 'CSV UTF-8'"), e);
        }
    }

    /** Row by row as fastexcel-reader streams them, stopped at the limits rather than read whole first. */
    private static List<SourceRecord> rows(byte[] content) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), WITH_CELL_FORMATS);
             Stream<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().openStream()) {
            List<SourceRecord> records = new ArrayList<>();
            rows.forEach(row -> FileLimits.add(records, new SourceRecord(row.getRowNum(), texts(row))));
            return records;
        }
    }

    private static List<String> texts(org.dhatim.fastexcel.reader.Row row) {
        List<String> texts = new ArrayList<>(row.getCellCount());
        for (int index = 0; index < row.getCellCount(); index++) {
            texts.add(text(row.getCell(index)));
        }
        return texts;
    }

    private static String text(Cell cell) {
        Object value = cell == null ? null : cell.getValue();
        if (value instanceof BigDecimal number) {
            String format = cell.getDataFormatString();
            if (isDateFormat(format)) {
                if (isYearFormat(format)) {
                    return String.valueOf(cell.asDate().getYear());
                }
                // Excel keeps "Mar 2010" typed in a cell as 1 March 2010, shown as Mar-10: a deadline of the month,
                // which as a date was a month early.
                return isMonthFormat(format) ? MONTH.format(cell.asDate())
                        : cell.asDate().toLocalDate().toString();
            }
            // Excel keeps 77.5% as 0.775: read as stored, an indicator's 77.5% was imported as 0.775.
            return isPercentFormat(format)
                    ? number.round(EXCEL_PRECISION).movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                    : number.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /**
     * A format that shows a day or a year shows a date. fastexcel-reader gives the built-in formats (such as 14, the
     * short date Excel gives a typed date) by their codes too. Only the first section of a format counts: the others
     * are for negative numbers, zero and text.
     */
    private static boolean isDateFormat(String format) {
        return firstSection(format).chars().anyMatch(c -> "dDyY".indexOf(c) >= 0);
    }

    /** A date format that shows the year alone, "yyyy": a year, which read as its January was a deadline too early. */
    private static boolean isYearFormat(String format) {
        return firstSection(format).chars().filter(Character::isLetter).allMatch(c -> c == 'y' || c == 'Y');
    }

    /** A date format that shows no day shows a month: "mmm-yy", "mmmm yyyy". */
    private static boolean isMonthFormat(String format) {
        return firstSection(format).chars().noneMatch(c -> "dD".indexOf(c) >= 0);
    }

    /** A format with a per cent sign (not a literal one) shows its number a hundredfold, as a percentage. */
    private static boolean isPercentFormat(String format) {
        return firstSection(format).indexOf('%') >= 0;
    }

    private static String firstSection(String format) {
        return format == null ? "" : FORMAT_LITERALS.matcher(format).replaceAll("").split(";", 2)[0];
    }
}
