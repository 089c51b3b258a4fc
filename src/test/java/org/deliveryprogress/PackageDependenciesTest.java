package org.deliveryprogress;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages depend on each other one way, as the README's list says: each package below and the packages
 * it may use. A new import across a boundary fails here, whether or not it closes a circle; so does a new package
 * until it has its place in the list. The compiled classes show what the code uses; the sources' import lines are
 * checked too, so that even an import the code does not use yet is refused. Queries inside JPQL strings are neither:
 * a repository queries its own package's entities and those of the packages it may use.
 */
@DisplayName("Package dependencies")
class PackageDependenciesTest {

    private static final String ROOT = "org.deliveryprogress";
    private static final Path SOURCES = Path.of("src/main/java/org/deliveryprogress");
    private static final Pattern IMPORT = Pattern.compile("import (?:static )?org\\.deliveryprogress\\.(\\w+)\\..*");

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** Each package and the packages it may use, the lowest first: a package uses only packages listed above it. */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        // Infrastructure and what every feature shares: none of them knows a feature.
        mayUse("shared");
        mayUse("engine");
        mayUse("database");
        mayUse("web", "shared");
        // Charts drawn as SVG, for the pages, the packs and the forms that show figures.
        mayUse("charts", "shared");
        // The register's data, then who may see it, then the cycle and its returns.
        mayUse("networks");
        mayUse("plans", "shared", "networks", "charts");
        mayUse("identity", "shared", "engine", "networks", "plans");
        mayUse("notifications", "engine", "identity");
        mayUse("cycles", "shared", "engine", "networks", "identity");
        mayUse("returns", "shared", "engine", "cycles", "networks", "plans", "identity", "charts");
        mayUse("forms", "cycles");
        // What is built on the returns: spreadsheets, how outcomes read, packs, reminders, history, the register's API
        // and pages.
        mayUse("imports", "shared", "engine", "cycles", "networks", "plans");
        mayUse("outcomes", "shared", "identity", "cycles", "networks", "plans", "returns", "charts");
        mayUse("packs", "shared", "identity", "cycles", "networks", "plans", "returns", "outcomes", "charts");
        mayUse("reminders", "shared", "notifications", "identity", "cycles", "networks", "plans", "returns", "outcomes",
                "packs");
        mayUse("history", "shared", "identity", "cycles", "networks", "plans", "returns", "outcomes", "charts");
        mayUse("register", "shared", "engine", "identity", "imports", "cycles", "networks", "plans", "returns");
        mayUse("tasklist", "shared", "identity", "returns");
        mayUse("demo", "identity", "cycles", "networks", "plans", "returns", "packs");
        // Running the installation: the engine's and the outbox's metrics.
        mayUse("operations", "engine", "notifications");
    }

    private static void mayUse(String feature, String... lower) {
        MAY_USE.put(feature, List.of(lower));
    }

    @Test
    @DisplayName("no package depends on itself through others: no circle")
    void noCircles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @TestFactory
    @DisplayName("each package uses only the packages it may use")
    Stream<DynamicTest> eachPackageUsesOnlyWhatItMay() {
        return MAY_USE.entrySet().stream().map(entry -> DynamicTest.dynamicTest(
                entry.getKey() + (entry.getValue().isEmpty() ? " uses no other package"
                        : " may use " + String.join(", ", entry.getValue())),
                () -> classes().that().resideInAPackage(ROOT + "." + entry.getKey() + "..")
                        .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                                .or(resideInAnyPackage(Stream.concat(Stream.of(entry.getKey()), entry.getValue()
                                        .stream()).map(name -> ROOT + "." + name + "..").toArray(String[]::new))))
                        .allowEmptyShould(false)
                        .check(APPLICATION)));
    }

    @Test
    @DisplayName("no source file imports a package its package may not use, even an import the code does not use")
    void sourceImportsRespectTheList() throws IOException {
        List<String> forbidden = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                List<String> allowed = MAY_USE.getOrDefault(feature, List.of());
                for (String line : Files.readAllLines(file)) {
                    Matcher imported = IMPORT.matcher(line);
                    if (imported.matches() && !imported.group(1).equals(feature)
                            && !allowed.contains(imported.group(1))) {
                        forbidden.add(SOURCES.relativize(file) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(forbidden).as("imports across a boundary the list does not allow").isEmpty();
    }

    @Test
    @DisplayName("the application's classes use no feature, and every package has its place in the list")
    void everyPackageIsListed() {
        classes().that().resideInAPackage(ROOT).should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                .or(resideInAnyPackage(ROOT))).check(APPLICATION);
        Set<String> packages = APPLICATION.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).replaceFirst("\\..*", ""))
                .collect(Collectors.toSet());
        assertThat(packages).as("the packages under " + ROOT).containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
    }
}
