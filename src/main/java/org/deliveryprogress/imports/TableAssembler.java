package org.deliveryprogress.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Names the cells of a file's records after its header, whatever the file's format. */
final class TableAssembler {

    private TableAssembler() {
    }

    /**
     * The first non-blank record is the header. Blank records are dropped: spreadsheets save rows that only ever had
     * formatting as empty lines or lines of bare separators. A record with more or fewer cells than the header, where
     * that moves them, is a problem and not a row: its cells would be read into the wrong columns. Text in a column the
     * header gives no name is a problem of the row, which is read all the same.
     *
     * @param sameCellCount whether every record must have as many cells as the header, as in CSV, where a separator
     *                      too many or too few moves each cell after it into another column (a workbook's cells keep
     *                      their columns)
     */
    static Table assemble(List<SourceRecord> records, String whenEmpty, boolean sameCellCount) {
        List<SourceRecord> nonBlank = records.stream().filter(record -> !record.isBlank()).toList();
        if (nonBlank.isEmpty()) {
            throw new TableFormatException(new ImportError(1, null, whenEmpty));
        }
        SourceRecord headerRecord = nonBlank.get(0);
        List<String> names = columnNames(headerRecord);
        List<ImportError> problems = new ArrayList<>();
        Map<String, Integer> columnIndexes = columnIndexes(headerRecord.line(), names, problems);

        List<Row> rows = new ArrayList<>();
        for (SourceRecord record : nonBlank.subList(1, nonBlank.size())) {
            if (sameCellCount && record.cells().size() != headerRecord.cells().size()) {
                problems.add(new ImportError(record.line(), null, "has " + record.cells().size()
                        + " cells, the header has " + headerRecord.cells().size() + ": every line needs one cell "
                        + "for each column of the header, an empty one too, and no more"));
                continue;
            }
            // Its cells are still in their columns: the row is read too, so that its other mistakes are listed.
            textWithoutColumn(record, names.size()).ifPresent(problems::add);
            Map<String, String> cells = new LinkedHashMap<>();
            columnIndexes.forEach((name, index) ->
                    cells.put(name, index < record.cells().size() ? record.cells().get(index).strip() : ""));
            rows.add(new Row(record.line(), cells));
        }
        return new Table(List.copyOf(columnIndexes.keySet()), rows, problems);
    }

    /**
     * A fault in a cell of a file that could not be read whole, by the column's name in the header, or by its letter
     * where the header has no name for it or is the record at fault.
     *
     * @param before the records read before the one at fault
     */
    static ImportError cellError(List<SourceRecord> before, int line, int cell, String message) {
        List<String> names = before.stream().filter(record -> !record.isBlank()).findFirst()
                .map(TableAssembler::columnNames).orElse(List.of());
        String name = cell < names.size() ? names.get(cell) : "";
        return name.isEmpty() ? new ImportError(line, null, "in column " + columnLetter(cell) + ", " + message)
                : new ImportError(line, name, message);
    }

    /** Text past the header's last named column, which no column would read. */
    private static Optional<ImportError> textWithoutColumn(SourceRecord record, int columns) {
        for (int cell = columns; cell < record.cells().size(); cell++) {
            if (!record.cells().get(cell).isBlank()) {
                return Optional.of(new ImportError(record.line(), null, "column " + columnLetter(cell)
                        + " has text, but the header gives the column no name: name it, or empty the cell"));
            }
        }
        return Optional.empty();
    }

    /** Trailing blank names are not columns: a spreadsheet saves them for columns that were only formatted. */
    private static List<String> columnNames(SourceRecord header) {
        List<String> cells = header.cells();
        return cells.subList(0, cellCountWithoutTrailingBlanks(cells)).stream()
                .map(Row::columnName)
                .toList();
    }

    private static Map<String, Integer> columnIndexes(int headerLine, List<String> names, List<ImportError> problems) {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            Integer earlier = indexes.get(name);
            if (name.isEmpty()) {
                problems.add(new ImportError(headerLine, null,
                        "column " + columnLetter(index) + " has no name in the header, so it is not read"));
            } else if (earlier != null) {
                problems.add(new ImportError(headerLine, name, "the header has this column twice, as columns "
                        + columnLetter(earlier) + " and " + columnLetter(index) + "; only column "
                        + columnLetter(earlier) + " is read"));
            } else {
                indexes.put(name, index);
            }
        }
        return indexes;
    }

    private static int cellCountWithoutTrailingBlanks(List<String> cells) {
        int count = cells.size();
        while (count > 0 && cells.get(count - 1).isBlank()) {
            count--;
        }
        return count;
    }

    /**
     * Officers open CSV files in a spreadsheet too, so columns are named by its letters: A, B, ..., Z, AA. Written
     * here rather than taken from the xlsx reader's CellAddress, which throws past a workbook's last column (XFD): a
     * CSV line may have more cells than a workbook, and its mistake must still be told as a 400.
     */
    private static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int rest = index + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }
}
