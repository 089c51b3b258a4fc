package org.deliveryprogress.imports;

import java.util.List;

/** A file that cannot be read as a table at all: not UTF-8, an unterminated quote, empty, not a workbook. */
final class TableFormatException extends RuntimeException {

    private final List<ImportError> errors;

    TableFormatException(ImportError error) {
        super(error.describe());
        this.errors = List.of(error);
    }

    TableFormatException(ImportError error, Throwable cause) {
        super(error.describe(), cause);
        this.errors = List.of(error);
    }

    /** The fault that stopped the reading: one, since nothing after it can be trusted. */
    List<ImportError> errors() {
        return errors;
    }
}
