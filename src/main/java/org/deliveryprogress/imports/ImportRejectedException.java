package org.deliveryprogress.imports;

import java.util.List;

/** An import that changed nothing because its files have mistakes; it lists every one. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " mistake" : " mistakes") + " found: nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
