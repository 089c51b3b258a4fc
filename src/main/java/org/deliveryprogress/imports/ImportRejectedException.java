package org.deliveryprogress.imports;

import java.util.List;

/** An import that changed nothing because its files have mistakes; it lists every one. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    ImportRejectedException(List<ImportProblem> problems, int found) {
        super(found + (found == 1 ? " mistake" : " mistakes") + " found" + (found > problems.size()
                ? " (the first " + problems.size() + " are listed)" : "") + ": nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
