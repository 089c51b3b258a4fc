package org.deliveryprogress.imports;

/** One mistake in an imported file, where a person would look for it: the file, its line and its column. */
public record ImportProblem(String file, int line, String column, String message) {

    static ImportProblem in(RegisterLayout layout, ImportError error) {
        return new ImportProblem(layout.fileName(), error.line(), error.column(), error.message());
    }

    /** The problem in one sentence, for a page or a log. */
    public String describe() {
        return file + ", line " + line + (column == null ? "" : ", column \"" + column + "\"") + ": " + message;
    }
}
