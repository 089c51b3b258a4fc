package org.deliveryprogress.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, parsed by hand so that every record knows the line it starts on. Lines may end with CRLF, LF or CR,
 * inside quoted cells too. A quote inside an unquoted cell is taken literally, as spreadsheets do.
 */
final class CsvReader {

    private static final char QUOTE = '"';

    private final String text;
    private final char separator;
    private int position;
    private int line = 1;

    private CsvReader(String text) {
        this.text = text;
        this.separator = separatorOf(text);
    }

    static List<SourceRecord> records(byte[] content) {
        return new CsvReader(decode(content)).readAll();
    }

    /**
     * Strict UTF-8, so that a file saved in a Windows code page is refused rather than read with mangled letters;
     * the byte order mark that Excel writes is dropped.
     */
    private static String decode(byte[] content) {
        int start = hasByteOrderMark(content) ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer chars = CharBuffer.allocate(content.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            throw new TableFormatException(new ImportError(lineAt(content, bytes.position()), null,
                    "the file is not UTF-8 text: save it as 'CSV UTF-8'"));
        }
        decoder.flush(chars);
        return chars.flip().toString();
    }

    private static boolean hasByteOrderMark(byte[] content) {
        return content.length >= 3
                && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF;
    }

    private static int lineAt(byte[] content, int end) {
        int line = 1;
        for (int index = 0; index < end; index++) {
            boolean crlf = content[index] == '\r' && index + 1 < end && content[index + 1] == '\n';
            if (!crlf && (content[index] == '\r' || content[index] == '\n')) {
                line++;
            }
        }
        return line;
    }

    /**
     * Excel in locales with a decimal comma saves CSV with semicolons. Only a header line with semicolons and no
     * comma outside quotes is taken as such, so that a comma-separated file is never split at its semicolons.
     */
    private static char separatorOf(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        boolean headerStarted = false;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            boolean lineBreak = c == '\n' || c == '\r';
            if (!quoted && lineBreak && headerStarted) {
                break;
            }
            headerStarted |= !Character.isWhitespace(c);
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return commas == 0 && semicolons > 0 ? ';' : ',';
    }

    private List<SourceRecord> readAll() {
        List<SourceRecord> records = new ArrayList<>();
        while (position < text.length()) {
            records.add(readRecord());
        }
        return records;
    }

    private SourceRecord readRecord() {
        int recordLine = line;
        List<String> cells = new ArrayList<>();
        while (true) {
            cells.add(peek() == QUOTE ? readQuotedCell() : readUnquotedCell());
            if (position >= text.length()) {
                return new SourceRecord(recordLine, cells);
            }
            char end = text.charAt(position);
            if (end == separator) {
                position++;
            } else {
                skipLineBreak();
                return new SourceRecord(recordLine, cells);
            }
        }
    }

    private String readUnquotedCell() {
        int start = position;
        while (position < text.length() && !isCellEnd(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private String readQuotedCell() {
        int openingLine = line;
        position++;
        StringBuilder cell = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw new TableFormatException(new ImportError(openingLine, null,
                        "the file ends inside a quoted cell that starts here: a quote is missing"));
            }
            char c = text.charAt(position);
            if (c == QUOTE && peekAfter() == QUOTE) {
                cell.append(QUOTE);
                position += 2;
            } else if (c == QUOTE) {
                position++;
                break;
            } else if (c == '\r' || c == '\n') {
                int start = position;
                skipLineBreak();
                cell.append(text, start, position);
            } else {
                cell.append(c);
                position++;
            }
        }
        // Blanks after the closing quote are forgiven: they cannot change the cell, which is stripped anyway.
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
        if (position < text.length() && !isCellEnd(text.charAt(position))) {
            throw new TableFormatException(new ImportError(line, null,
                    "a quoted cell must end at a " + (separator == ',' ? "comma" : "semicolon")
                            + " or the end of the line"));
        }
        return cell.toString();
    }

    private boolean isCellEnd(char c) {
        return c == separator || c == '\r' || c == '\n';
    }

    private void skipLineBreak() {
        if (text.charAt(position) == '\r' && peekAfter() == '\n') {
            position++;
        }
        position++;
        line++;
    }

    private int peek() {
        return position < text.length() ? text.charAt(position) : -1;
    }

    private int peekAfter() {
        return position + 1 < text.length() ? text.charAt(position + 1) : -1;
    }
}
