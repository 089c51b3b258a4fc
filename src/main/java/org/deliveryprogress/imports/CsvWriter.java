package org.deliveryprogress.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Excel opens it without asking: UTF-8 with a byte order mark, CRLF line ends, quotes only where needed. */
final class CsvWriter {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvWriter() {
    }

    static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        appendRecord(csv, header);
        rows.forEach(row -> appendRecord(csv, row));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRecord(StringBuilder csv, List<String> cells) {
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                csv.append(',');
            }
            appendCell(csv, cells.get(index));
        }
        csv.append("\r\n");
    }

    private static void appendCell(StringBuilder csv, String cell) {
        if (cell == null) {
            return;
        }
        boolean needsQuotes = cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        if (needsQuotes) {
            csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
        } else {
            csv.append(cell);
        }
    }
}
