package org.deliveryprogress.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The most a register file may hold, far above any partnership's register and checked while the file is read, so that
 * a file built to exhaust the server's memory is refused at the limit instead of being read whole: a 10 MB workbook
 * unzipped to 9 GB of rows and took the server down with it, and a 19 MB CSV of mistakes took minutes to answer.
 */
final class FileLimits {

    /**
     * Rows under the header. The longest file is the indicators' past values, one row per indicator per quarter: a
     * few hundred plans with a few indicators each over ten years is some tens of thousands.
     */
    static final int MAX_ROWS = 50_000;
    /** A cell's characters: the most any column of the register keeps, a description or an action's risk. */
    static final int MAX_CELL_CHARACTERS = RegisterImport.LONG_TEXT;
    /**
     * A workbook's parts unzipped, all together. fastexcel-reader has no limit of its own (it does not apply Apache
     * POI's guards against zip bombs), and it holds the shared strings a cell refers to, and each cell's text, whole
     * before a row is handed over: the limits on rows and cells alone would not keep those in bounds. A workbook of
     * 50,000 register rows unzips to a few tens of megabytes at most.
     */
    static final long MAX_UNZIPPED_BYTES = 50L * 1024 * 1024;

    private FileLimits() {
    }

    /**
     * Adds a record to those read so far, unless it is blank (blank records, left to the header to drop, would count
     * as rows and be kept for nothing: a file of empty lines).
     *
     * @throws TableFormatException at the record past the row limit, or at a cell past the cell limit
     */
    static void add(List<SourceRecord> records, SourceRecord record) {
        if (record.isBlank()) {
            return;
        }
        if (records.size() > MAX_ROWS) {
            throw new TableFormatException(new ImportError(record.line(), null, "the file has more than "
                    + number(MAX_ROWS) + " rows under its header, the most an import reads, and "
                    + "far more than a register holds: check that it is the right file, or import it in parts"));
        }
        List<String> cells = record.cells();
        for (int cell = 0; cell < cells.size(); cell++) {
            String text = cells.get(cell);
            if (text.length() > MAX_CELL_CHARACTERS
                    && text.codePointCount(0, text.length()) > MAX_CELL_CHARACTERS) {
                throw new TableFormatException(TableAssembler.cellError(records, record.line(), cell, "is "
                        + number(text.codePointCount(0, text.length())) + " characters long, and "
                        + "no column of the register keeps more than " + number(MAX_CELL_CHARACTERS)
                        + ": the file was read no further"));
            }
        }
        records.add(record);
    }

    /**
     * Unzips the workbook as fastexcel-reader does, with the same library, and throws once its parts pass the limit:
     * every part counts, as each entry of the zip's directory, since nothing else tells what fastexcel-reader will
     * read of them (the sizes a zip declares may lie).
     *
     * @throws IOException when the content is not a zip
     */
    static void requireUnzippedWithinLimit(byte[] workbook) throws IOException {
        long unzipped = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int read = part.read(buffer); read >= 0; read = part.read(buffer)) {
                        unzipped += read;
                        if (unzipped > MAX_UNZIPPED_BYTES) {
                            throw new TableFormatException(new ImportError(1, null, "the workbook unzips to more "
                                    + "than " + MAX_UNZIPPED_BYTES / (1024 * 1024) + " MB, the most an import "
                                    + "reads, and far more than a register's workbook: check that it is the right "
                                    + "file, or save its first sheet alone as CSV UTF-8"));
                        }
                    }
                }
            }
        }
    }

    /** 50,000, as the register's other messages write numbers, whatever the server's language. */
    private static String number(long number) {
        return String.format(Locale.UK, "%,d", number);
    }
}
