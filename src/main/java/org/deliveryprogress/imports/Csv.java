package org.deliveryprogress.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * RFC 4180 CSV through FastCSV, which gives every record the line it starts on; lines may end with CRLF, LF or CR,
 * inside quoted cells too. What stops the reading (text that is not UTF-8, a quote left open, text after a closing
 * quote) is told by the line and column of its cell.
 */
final class Csv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /**
     * Takes the place of each byte sequence that is not UTF-8, so that the reading can tell the cell it is in: a lone
     * surrogate, which no UTF-8 text decodes to.
     */
    private static final String NOT_UTF8 = "\uD800";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n]");
    /**
     * A cell that a spreadsheet would take for a formula when it opens the file (OWASP's "CSV injection": a note such
     * as {@code =HYPERLINK(...)} or {@code @SUM(...)} run on the computer of the manager who opens the export), or
     * such a cell behind apostrophes, which the writer must mark too for the reading to give it back as it was.
     */
    private static final Pattern FORMULA_LIKE = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);
    /** A number, which a spreadsheet reads as one whatever its sign: left as it is, so that it stays a number. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** The text marker of spreadsheets: a cell typed with an apostrophe before it is text, never a formula. */
    private static final String AS_TEXT = "'";

    private Csv() {
    }

    /**
     * Every non-blank record of the file; a record may have any number of cells, for the header to judge.
     *
     * @throws TableFormatException at the first cell that is not UTF-8 or not quoted as RFC 4180 says, or at the
     *                              first of the {@link FileLimits} passed
     */
    static List<SourceRecord> records(byte[] content) {
        String text = decode(content);
        RecordHandler handler = new RecordHandler();
        List<SourceRecord> records = new ArrayList<>();
        try (CsvReader<SourceRecord> reader = reader(text, separatorOf(text)).build(handler, text)) {
            for (SourceRecord record : reader) {
                refuseTextNotUtf8(records, record);
                FileLimits.add(records, record);
            }
        } catch (CsvParseException e) {
            SourceRecord unfinished = handler.unfinished();
            int cell = unfinished.cells().size();
            throw new TableFormatException(TableAssembler.cellError(records, lineOf(unfinished, cell, 0), cell,
                    quotingMistake(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a text in memory", e);
        }
        return records;
    }

    /**
     * UTF-8 with a byte order mark, CRLF line ends and quotes only where needed, as Excel opens it without asking; a
     * cell that a spreadsheet would run as a formula is written as text, behind an apostrophe, which the reading drops.
     */
    static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BYTE_ORDER_MARK.getBytes(StandardCharsets.UTF_8));
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(bytes,
                StandardCharsets.UTF_8)) {
            csv.writeRecord(header);
            rows.forEach(row -> csv.writeRecord(row.stream().map(Csv::asText).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a text in memory", e);
        }
        return bytes.toByteArray();
    }

    private static String asText(String cell) {
        return cell != null && FORMULA_LIKE.matcher(cell).matches() && !NUMBER.matcher(cell).matches()
                ? AS_TEXT + cell : cell;
    }

    /** A cell as {@link #asText} was given: one apostrophe fewer before what a spreadsheet would take for a formula. */
    private static String fromText(String cell) {
        return cell.startsWith(AS_TEXT) && FORMULA_LIKE.matcher(cell).matches()
                ? cell.substring(AS_TEXT.length()) : cell;
    }

    /**
     * Strict where a cell could be misread (RFC 4180's quoting; the cells' count is judged against the header later),
     * lenient where nothing is lost: empty lines are skipped, and blanks around a quoted cell dropped, as the cells
     * are stripped anyway.
     */
    private static CsvReader.CsvReaderBuilder reader(String text, char separator) {
        return CsvReader.builder()
                .fieldSeparator(separator)
                .allowUnclosedQuote(false)
                .trimWhitespacesAroundQuotes(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                // The text is in memory already, within the upload's limit: a cell may be as long as the file.
                .maxBufferSize(Math.max(text.length(), 1));
    }

    /**
     * Strict UTF-8, so that a file saved in a Windows code page is refused rather than read with mangled letters; the
     * byte order mark that Excel writes is dropped.
     */
    private static String decode(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(NOT_UTF8);
        try {
            String text = decoder.decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a decoder that replaces refused the text", e);
        }
    }

    /**
     * Excel in locales with a decimal comma saves CSV with semicolons: a header that is one cell when split at commas
     * and more when split at semicolons is read with semicolons, so that a comma-separated file is never split at its
     * semicolons.
     */
    private static char separatorOf(String text) {
        return headerCellCount(text, ',') <= 1 && headerCellCount(text, ';') > 1 ? ';' : ',';
    }

    /** The cells of the first non-blank record; none when it cannot be read so, which the reading proper tells. */
    private static int headerCellCount(String text, char separator) {
        try (CsvReader<SourceRecord> reader = reader(text, separator).build(new RecordHandler(), text)) {
            return reader.stream().filter(record -> !record.isBlank()).findFirst()
                    .map(record -> record.cells().size()).orElse(0);
        } catch (CsvParseException | IOException unreadable) {
            return 0;
        }
    }

    private static void refuseTextNotUtf8(List<SourceRecord> before, SourceRecord record) {
        for (int cell = 0; cell < record.cells().size(); cell++) {
            int offset = record.cells().get(cell).indexOf(NOT_UTF8);
            if (offset >= 0) {
                throw new TableFormatException(TableAssembler.cellError(before, lineOf(record, cell, offset), cell,
                        "the text is not UTF-8: save the file as 'CSV UTF-8'"));
            }
        }
    }

    /** FastCSV tells its two faults of quoting apart only in words. */
    private static String quotingMistake(CsvParseException e) {
        if (e.getMessage().startsWith("Unclosed quoted field")) {
            return "the file ends inside the quoted cell that starts here: its closing quote is missing";
        }
        if (e.getMessage().startsWith("Unexpected character after closing quote")) {
            return "the quoted cell that starts here has text after its closing quote: quote the whole cell, and "
                    + "write each quote inside it twice";
        }
        throw e;
    }

    /**
     * The line of a character of a record's cell: the record's first line, and one more for each line break in the
     * cells before it and in the cell before the character. A cell past the record's last starts where that one ends.
     */
    private static int lineOf(SourceRecord record, int cell, int offset) {
        List<String> cells = record.cells();
        long breaks = cells.subList(0, Math.min(cell, cells.size())).stream()
                .mapToLong(text -> LINE_BREAK.matcher(text).results().count()).sum();
        if (cell < cells.size()) {
            breaks += LINE_BREAK.matcher(cells.get(cell).substring(0, offset)).results().count();
        }
        return Math.toIntExact(record.line() + breaks);
    }

    /** Each record as its cells' text, with the line it starts on; and the record a fault stopped, as far as read. */
    private static final class RecordHandler extends AbstractBaseCsvCallbackHandler<SourceRecord> {

        private final List<String> cells = new ArrayList<>();

        @Override
        protected void handleBegin(long startingLineNumber) {
            cells.clear();
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            cells.add(fromText(new String(buf, offset, len)));
        }

        @Override
        protected SourceRecord buildRecord() {
            return new SourceRecord(Math.toIntExact(getStartingLineNumber()), cells);
        }

        SourceRecord unfinished() {
            return buildRecord();
        }
    }
}
