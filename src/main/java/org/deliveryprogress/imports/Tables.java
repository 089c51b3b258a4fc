package org.deliveryprogress.imports;

import java.util.Arrays;
import java.util.List;

/**
 * Tables that officers import and export: CSV and Excel xlsx, read to a header and rows of text cells with the line
 * of every record, so that any error can be told by line and column.
 */
final class Tables {

    /** Every xlsx workbook is a ZIP archive. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The compound file of an .xls workbook, and of any password-protected Office file. */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** A PDF, such as the meeting pack the application gives managers to download beside their spreadsheets. */
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private Tables() {
    }

    /** An xlsx workbook or else CSV, told apart by the content rather than a file name that may lie. */
    static Table read(byte[] content) {
        if (startsWith(content, ZIP_MAGIC)) {
            return readXlsx(content);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            throw new TableFormatException(new ImportError(1, null,
                    "an old Excel .xls file or a password-protected workbook: save it as .xlsx or 'CSV UTF-8'"));
        }
        // Read as CSV, a PDF was refused as text that is not UTF-8 in a column named after its first line, "%pdf_1.6".
        if (startsWith(content, PDF_MAGIC)) {
            throw new TableFormatException(new ImportError(1, null,
                    "a PDF document, not a spreadsheet: choose the register's .xlsx or 'CSV UTF-8' file"));
        }
        return readCsv(content);
    }

    /**
     * RFC 4180 CSV in UTF-8, with or without a byte order mark; comma-separated, or semicolon-separated when the
     * header line is one cell split at commas and more split at semicolons. Every line must have as many cells as
     * the header line.
     *
     * @throws TableFormatException when the file is not UTF-8, ends inside a quoted cell, has text after a closing
     *                              quote or is empty, naming the line and column
     */
    static Table readCsv(byte[] content) {
        return TableAssembler.assemble(Csv.records(content), "the file is empty", true);
    }

    /**
     * The first sheet of an xlsx workbook, its first non-blank row the header; a record's line is its row number. A
     * row may leave out empty cells at its end, as workbooks do, but not have text past the header's last column.
     *
     * @throws TableFormatException when the content is not an xlsx workbook or its first sheet is empty
     */
    static Table readXlsx(byte[] content) {
        return TableAssembler.assemble(XlsxReader.records(content), "the first sheet is empty", false);
    }

    /** UTF-8 with a byte order mark and CRLF line ends, as Excel opens it; a null cell is empty. */
    static byte[] writeCsv(List<String> header, List<List<String>> rows) {
        return Csv.write(header, rows);
    }

    /** One sheet with a bold header row, every cell text; a null cell is left out. */
    static byte[] writeXlsx(String sheetName, List<String> header, List<List<String>> rows) {
        return XlsxWriter.write(sheetName, header, rows);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
