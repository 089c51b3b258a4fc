package org.deliveryprogress.tasklist;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Chromium and its chromedriver are installed. Elsewhere they are skipped, saying
 * what is missing and how to install it; in CI ({@code CI=true}) a missing browser fails the run instead, so that the
 * officers' path is never silently left untested. Evaluated before the application starts.
 */
class ChromiumInstalled implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(env("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("Chromium (" + CHROMIUM + ", or set CHROMIUM_PATH)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("chromedriver (" + CHROMEDRIVER + ", or set CHROMEDRIVER_PATH)");
        }
        if (missing.isEmpty()) {
            return enabled("Chromium " + CHROMIUM + " and chromedriver " + CHROMEDRIVER + " are installed");
        }
        String message = "The Tasklist browser tests need " + String.join(" and ", missing)
                + ". Install them with: apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: the browser tests must run here. " + message);
        }
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + message);
        return disabled(message);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
