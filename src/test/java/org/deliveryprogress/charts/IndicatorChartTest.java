package org.deliveryprogress.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.deliveryprogress.charts.SvgMarkup.firstPoint;
import static org.deliveryprogress.charts.SvgMarkup.inThePlot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.deliveryprogress.charts.IndicatorChart.PeriodValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

@DisplayName("An indicator's chart")
class IndicatorChartTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    /** How the chart draws each thing: the values' markers, the targets' bars and dashes, the baseline's dots. */
    private static final String VALUE_MARKER = "fill:rgb(29,53,87);stroke:none";
    private static final String VALUE_LINE = "stroke:rgb(29,53,87)";
    private static final String TARGET_BAR = "fill:rgb(51,51,51);stroke:none";
    private static final String TARGET_DASHES = "stroke-dasharray:6.0,4.0";
    private static final String BASELINE_DOTS = "stroke-dasharray:1.5,3.0";

    /** Six quarters over two years, one of them not a number, against two years' targets and a baseline. */
    private static final List<PeriodValue> VALUES = List.of(
            new PeriodValue("2025/26 Q3", "73.1"),
            new PeriodValue("2025/26 Q4", "74.6"),
            new PeriodValue("2026/27 Q1", "76"),
            new PeriodValue("2026/27 Q2", "not collected"),
            new PeriodValue("2026/27 Q3", "77.25"),
            new PeriodValue("2026/27 Q4", "79"));

    private static IndicatorChart chart(Map<String, String> targets, String baseline, List<PeriodValue> values) {
        return new IndicatorChart("NI 1", "People who get on well together", "%", true, baseline, targets, values);
    }

    private static Map<String, String> targets(String... yearsAndTargets) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 0; i < yearsAndTargets.length; i += 2) {
            targets.put(yearsAndTargets[i], yearsAndTargets[i + 1]);
        }
        return targets;
    }

    private static final IndicatorChart CHART = chart(targets("2025/26", "75", "2026/27", "78"), "74.6", VALUES);

    @Test
    @DisplayName("is one well-formed SVG element of its own size, an image named by its title and described by its "
            + "desc")
    void isAnAccessibleSvgElement() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("indicator-1"));

        Element root = svg.root();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("id")).isEqualTo("indicator-1");
        assertThat(root.getAttribute("width")).isEqualTo("560");
        assertThat(root.getAttribute("height")).isEqualTo("260");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 560 260");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("indicator-1-title indicator-1-desc");
        assertThat(svg.elements("title")).singleElement()
                .satisfies(title -> assertThat(title.getAttribute("id")).isEqualTo("indicator-1-title"))
                .satisfies(title -> assertThat(title.getTextContent())
                        .isEqualTo("NI 1: People who get on well together"));
        assertThat(svg.elements("desc")).singleElement()
                .satisfies(desc -> assertThat(desc.getAttribute("id")).isEqualTo("indicator-1-desc"))
                .satisfies(desc -> assertThat(desc.getTextContent()).startsWith("Values: 2025/26 Q3 73.1 %, "));
    }

    @Test
    @DisplayName("gives every value, target and the baseline as written in its text alternative, words too")
    void textAlternativeListsEveryFigure() {
        Svg svg = CHART.draw("indicator-1");

        assertThat(svg.textAlternative()).isEqualTo("NI 1: People who get on well together. "
                + "Values: 2025/26 Q3 73.1 %, 2025/26 Q4 74.6 %, 2026/27 Q1 76 %, 2026/27 Q2 not collected, "
                + "2026/27 Q3 77.25 %, 2026/27 Q4 79 %. Target 2025/26: 75 %. Target 2026/27: 78 %. "
                + "Baseline: 74.6 %. Higher is better.");
        assertThat(SvgMarkup.of(svg).textOf("desc"))
                .isEqualTo(svg.textAlternative().substring("NI 1: People who get on well together. ".length()));
    }

    @Test
    @DisplayName("draws a round marker at each value that is a number, labelled with it, and leaves a gap for words")
    void drawsEachNumberAndAGapForWords() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("indicator-1"));

        assertThat(inThePlot(svg.drawnIn(VALUE_MARKER))).as("a marker for each of the five numbers").hasSize(5);
        assertThat(svg.drawnIn(VALUE_MARKER)).as("and the legend's").hasSize(6);
        assertThat(inThePlot(svg.drawnIn(VALUE_LINE, "stroke-width:2.0")))
                .as("lines from Q3 to Q4, Q4 to Q1 and Q3 to Q4, none across the quarter not collected").hasSize(3);
        assertThat(svg.drawnTexts()).contains("73.1", "74.6", "76", "77.25", "79").doesNotContain("not collected");
    }

    @Test
    @DisplayName("breaks its axis and its line where periods are missing between two values, so that years without "
            + "figures do not look like one quarter; periods that follow each other, a year after its quarters, have "
            + "no break")
    void breaksItsAxisWherePeriodsAreMissing() {
        IndicatorChart chart = chart(targets(), "70", List.of(
                new PeriodValue("2008/09", "70"),
                new PeriodValue("2009/10 Q1", "71"),
                new PeriodValue("2009/10", "72"),
                new PeriodValue("2025/26 Q1", "80"),
                new PeriodValue("2025/26 Q2", "81")));

        SvgMarkup svg = SvgMarkup.of(chart.draw("indicator-1"));

        assertThat(String.join(" ", svg.drawnTexts()).replaceAll("\\s+", " "))
                .contains("2008/09 2009/10 Q1 2009/10 … 2025/26 Q1 2025/26 Q2");
        assertThat(inThePlot(svg.drawnIn(VALUE_LINE, "stroke-width:2.0")))
                .as("2008/09 to 2009/10 Q1 to the whole year, and 2025/26 Q1 to Q2: none across the break")
                .hasSize(3);
        assertThat(inThePlot(svg.drawnIn(BASELINE_DOTS))).as("the baseline across every period and the break")
                .hasSize(5);
        assertThat(svg.textOf("desc")).startsWith("Values: 2008/09 70 %, 2009/10 Q1 71 %, 2009/10 72 %, "
                + "2025/26 Q1 80 %, 2025/26 Q2 81 %.");
    }

    @Test
    @DisplayName("tilts the periods' labels when there are too many to write level, so that each is read whole, and "
            + "is taller by their room")
    void tiltsManyLabels() {
        List<PeriodValue> threeYearsOfQuarters = new ArrayList<>();
        for (int year = 2023; year <= 2025; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                threeYearsOfQuarters.add(new PeriodValue(year + "/" + (year % 100 + 1) + " Q" + quarter, "70"));
            }
        }

        SvgMarkup svg = SvgMarkup.of(chart(targets(), null, threeYearsOfQuarters).draw("indicator-1"));

        assertThat(svg.drawnTexts()).as("no label cut short, such as \"2023 /...\"").noneMatch(text ->
                text.contains("..."));
        assertThat(svg.root().getAttribute("height")).as("taller by the labels' room").isEqualTo("300");
        assertThat(svg.textOf("desc")).contains("2023/24 Q1 70 %", "2025/26 Q4 70 %");
    }

    @Test
    @DisplayName("draws each year's target as a dashed line with a bar at each of the year's periods, none between "
            + "years")
    void drawsEachYearsTargetAcrossItsPeriods() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("indicator-1"));

        Map<Double, Long> barsByHeight = inThePlot(svg.drawnIn(TARGET_BAR)).stream()
                .collect(Collectors.groupingBy(bar -> firstPoint(bar)[1], TreeMap::new, Collectors.counting()));
        assertThat(barsByHeight.values()).as("78 for the four quarters of 2026/27, higher up than 75 for the two of "
                + "2025/26").containsExactly(4L, 2L);
        assertThat(inThePlot(svg.drawnIn(TARGET_DASHES))).as("Q3 to Q4 of 2025/26, Q1 to Q4 of 2026/27").hasSize(4);
        assertThat(svg.drawnTexts()).contains("Values", "Target", "Baseline");
    }

    @Test
    @DisplayName("draws the baseline as a dotted line across at its value, the first number of its text")
    void drawsTheBaselineAtItsValue() {
        Svg drawn = chart(targets(), "74.6 (survey of 2024/25)", VALUES).draw("indicator-1");
        SvgMarkup svg = SvgMarkup.of(drawn);

        List<Element> dots = inThePlot(svg.drawnIn(BASELINE_DOTS));
        double heightOf746 = firstPoint(inThePlot(svg.drawnIn(VALUE_MARKER)).get(1))[1];
        assertThat(dots).as("from each period to the next").hasSize(5)
                .allSatisfy(line -> assertThat(firstPoint(line)[1]).isCloseTo(heightOf746, within(0.01)));
        assertThat(drawn.textAlternative()).contains("No targets. Baseline: 74.6 (survey of 2024/25).");
    }

    @Test
    @DisplayName("lists a target in words that holds no number, without drawing it")
    void listsATargetInWordsWithoutDrawingIt() {
        Svg drawn = chart(targets("2026/27", "Strategy adopted"), null, VALUES).draw("indicator-1");
        SvgMarkup svg = SvgMarkup.of(drawn);

        assertThat(svg.drawnIn(TARGET_BAR)).isEmpty();
        assertThat(svg.drawnIn(BASELINE_DOTS)).isEmpty();
        assertThat(svg.drawnTexts()).contains("Values").doesNotContain("Target", "Baseline");
        assertThat(drawn.textAlternative())
                .endsWith("Target 2026/27: Strategy adopted. No baseline. Higher is better.");
    }

    @Test
    @DisplayName("lists a target in words whose figures are years or a change, without drawing it at one of them")
    void listsATargetOfYearsWithoutDrawingIt() {
        // Drawn at its first number, "Increase on 2025/26" was a target line at 2025 over values near 75.
        Svg drawn = chart(targets("2025/26", "Increase on 2024/25", "2026/27", "Baseline + 2 percentage points"),
                null, VALUES).draw("indicator-1");

        assertThat(SvgMarkup.of(drawn).drawnIn(TARGET_BAR)).isEmpty();
        assertThat(drawn.textAlternative()).contains("Target 2025/26: Increase on 2024/25. "
                + "Target 2026/27: Baseline + 2 percentage points.");
    }

    @Test
    @DisplayName("lists the targets in order of year whatever the order it is given them in, leaving out a blank one")
    void listsTargetsInOrderOfYear() {
        Svg drawn = chart(targets("2026/27", "78", "2027/28", " ", "2025/26", "75"), "74.6", VALUES)
                .draw("indicator-1");

        assertThat(drawn.textAlternative()).contains("Target 2025/26: 75 %. Target 2026/27: 78 %. Baseline")
                .doesNotContain("2027/28");
        assertThat(drawn.markup()).isEqualTo(CHART.draw("indicator-1").markup());
    }

    @Test
    @DisplayName("says so when there are no values yet, and draws the target only where the year has a period")
    void saysSoWithoutValues() {
        Svg drawn = chart(targets("2026/27", "78"), "74.6", List.of()).draw("indicator-1");

        assertThat(SvgMarkup.of(drawn).drawnTexts()).contains("No figures yet");
        assertThat(SvgMarkup.of(drawn).drawnIn(TARGET_BAR)).isEmpty();
        assertThat(drawn.textAlternative()).isEqualTo("NI 1: People who get on well together. No values yet. "
                + "Target 2026/27: 78 %. Baseline: 74.6 %. Higher is better.");
    }

    @Test
    @DisplayName("ends its title without a full stop, the one the text alternative adds after it")
    void oneFullStopAfterTheTitle() {
        Svg drawn = new IndicatorChart("NI 5", "Homes built.", "", true, null, Map.of(), List.of())
                .draw("indicator-5");

        assertThat(SvgMarkup.of(drawn).textOf("title")).isEqualTo("NI 5: Homes built");
        assertThat(drawn.textAlternative()).startsWith("NI 5: Homes built. No values yet.");
    }

    @Test
    @DisplayName("says which way is better")
    void saysWhichWayIsBetter() {
        Svg lower = new IndicatorChart("NI 2", "Days to process a claim", "days", false, null, Map.of(),
                List.of(new PeriodValue("2026/27", "21"))).draw("indicator-2");

        assertThat(SvgMarkup.of(lower).drawnTexts()).contains("↓ Lower is better");
        assertThat(lower.textAlternative()).isEqualTo("NI 2: Days to process a claim. Values: 2026/27 21 days. "
                + "No targets. No baseline. Lower is better.");
        assertThat(SvgMarkup.of(CHART.draw("indicator-1")).drawnTexts()).contains("↑ Higher is better");
    }

    @Test
    @DisplayName("gives the same bytes for the same figures, so that a frozen pack comes back byte for byte")
    void sameFiguresSameBytes() {
        Svg first = CHART.draw("indicator-1");
        Svg again = chart(targets("2025/26", "75", "2026/27", "78"), "74.6", List.copyOf(VALUES)).draw("indicator-1");

        assertThat(again.markup().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(first.markup().getBytes(StandardCharsets.UTF_8));
        assertThat(again.textAlternative()).isEqualTo(first.textAlternative());
    }

    @Test
    @DisplayName("starts every id inside with its own, so that charts share a page without sharing an id")
    void idsAreTheCharts() {
        List<String> first = SvgMarkup.of(CHART.draw("indicator-1")).ids();
        List<String> second = SvgMarkup.of(CHART.draw("indicator-2")).ids();

        assertThat(first).hasSizeGreaterThan(3).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("indicator-1(-.+)?"));
        assertThat(second).doesNotContainAnyElementsOf(first);
    }

    @Test
    @DisplayName("refuses an id that is not one, rather than break the page")
    void refusesABadId() {
        assertThatThrownBy(() -> CHART.draw("NI 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letter followed by letters, digits, '-' or '_'");
    }

    @Test
    @DisplayName("shows what officers wrote as text: markup, quotes and ampersands stay characters, and what XML "
            + "cannot hold goes")
    void escapesWhatOfficersWrote() {
        String written = "Homes <b>built</b> & \"R&amp;D\" \u000B'kept'";
        Svg drawn = new IndicatorChart("NI 3", written, "<i>", true, "5 & more", Map.of(),
                List.of(new PeriodValue("2026/27", "7"))).draw("indicator-3");
        SvgMarkup svg = SvgMarkup.of(drawn);

        String shown = "NI 3: Homes <b>built</b> & \"R&amp;D\" 'kept'";
        assertThat(svg.textOf("title")).isEqualTo(shown);
        assertThat(svg.drawnTexts()).contains(shown);
        assertThat(svg.elements("b")).isEmpty();
        assertThat(drawn.textAlternative()).startsWith(shown + ". Values: 2026/27 7 <i>. ")
                .contains("Baseline: 5 & more.");
    }

    @Test
    @DisplayName("writes numbers as the partnership does, whatever the server's locale")
    void numbersInBritishEnglish() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Svg drawn = new IndicatorChart("NI 4", "Visits", "", true, null, Map.of(),
                    List.of(new PeriodValue("2026/27 Q1", "1234.5"), new PeriodValue("2026/27 Q2", "1,300")))
                    .draw("indicator-4");

            assertThat(SvgMarkup.of(drawn).drawnTexts()).contains("1,234.5", "1,300");
            assertThat(drawn.textAlternative()).contains("Values: 2026/27 Q1 1234.5, 2026/27 Q2 1300.");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("comes as a data: URI of the same SVG too, for an <img> in a form")
    void comesAsADataUri() {
        Svg drawn = CHART.draw("indicator-1");

        assertThat(drawn.dataUri()).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(drawn.dataUri().substring("data:image/svg+xml;base64,"
                .length())), StandardCharsets.UTF_8)).isEqualTo(drawn.markup());
    }
}
