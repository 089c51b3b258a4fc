package org.deliveryprogress.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.deliveryprogress.charts.SvgMarkup.inThePlot;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deliveryprogress.charts.StatusChart.Quarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

@DisplayName("A network's chart of plans by status")
class StatusChartTest {

    /** The parts' fills, the pages' status colours; and the lines hatching Green and Blue. */
    private static final String RED = "fill:rgb(179,38,30)";
    private static final String AMBER = "fill:rgb(242,183,5)";
    private static final String GREEN = "fill:rgb(30,123,52)";
    private static final String BLUE = "fill:rgb(29,78,216)";
    private static final String GREEN_HATCHING = "stroke:rgb(142,189,153)";
    private static final String BLUE_HATCHING = "stroke:rgb(142,166,235)";
    private static final String NO_RETURN = "fill:rgb(118,118,118)";
    private static final String NO_RETURN_HATCHING = "stroke:rgb(186,186,186)";

    private static final StatusChart CHART = new StatusChart("North Network: plans by status", List.of(
            new Quarter("2025/26 Q4", false, 3, 5, 10, 2, 1, 0),
            new Quarter("2026/27 Q1", false, 0, 6, 12, 2, 0, 1)));

    @Test
    @DisplayName("is one well-formed SVG element, an image named by its title and described by its desc")
    void isAnAccessibleSvgElement() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("status-chart"));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.root().getAttribute("role")).isEqualTo("img");
        assertThat(svg.root().getAttribute("aria-labelledby")).isEqualTo("status-chart-title status-chart-desc");
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0 0 560 260");
        assertThat(svg.textOf("title")).isEqualTo("North Network: plans by status");
    }

    @Test
    @DisplayName("gives each quarter's counts of each status in its text alternative")
    void textAlternativeListsTheCounts() {
        assertThat(CHART.draw("status-chart").textAlternative()).isEqualTo("North Network: plans by status. "
                + "2025/26 Q4: 21 plans, 3 Red, 5 Amber, 10 Green, 2 Blue, 1 not judged, 0 no return. "
                + "2026/27 Q1: 21 plans, 0 Red, 6 Amber, 12 Green, 2 Blue, 0 not judged, 1 no return.");
    }

    @Test
    @DisplayName("calls an open cycle's quarter open, and its plans without a status not judged yet, where a closed "
            + "cycle's were not judged by its close")
    void anOpenQuarterIsUnderWay() {
        Svg drawn = new StatusChart("North Network: plans by status", List.of(
                new Quarter("2026/27 Q1", false, 1, 0, 18, 0, 2, 0),
                new Quarter("2026/27 Q2", true, 0, 1, 0, 0, 20, 0))).draw("status-chart");

        assertThat(drawn.textAlternative()).isEqualTo("North Network: plans by status. "
                + "2026/27 Q1: 21 plans, 1 Red, 0 Amber, 18 Green, 0 Blue, 2 not judged, 0 no return. "
                + "2026/27 Q2 (open): 21 plans, 0 Red, 1 Amber, 0 Green, 0 Blue, 20 not judged yet, 0 no return.");
        assertThat(String.join(" ", SvgMarkup.of(drawn).drawnTexts())).as("the axis").contains("(open)");
    }

    @Test
    @DisplayName("stacks each quarter's bar from Red at the bottom, each part as tall as its count, none for a zero")
    void stacksTheStatusesInOrder() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("status-chart"));

        List<Element> red = inThePlot(svg.drawnIn(RED));
        List<Element> amber = inThePlot(svg.drawnIn(AMBER));
        List<Element> green = inThePlot(svg.drawnIn(GREEN));
        List<Element> blue = inThePlot(svg.drawnIn(BLUE));
        assertThat(red).as("no Red part in the second quarter").hasSize(1);
        assertThat(amber).hasSize(2);
        assertThat(top(red.get(0))).isGreaterThan(top(amber.get(0)));
        assertThat(top(amber.get(0))).isGreaterThan(top(green.get(0)));
        assertThat(top(green.get(0))).isGreaterThan(top(blue.get(0)));
        assertThat(height(amber.get(0)) / height(red.get(0))).isCloseTo(5.0 / 3, within(0.01));
        assertThat(height(green.get(1)) / height(amber.get(1))).isCloseTo(12.0 / 6, within(0.01));
    }

    @Test
    @DisplayName("writes each count in its part of the bar, and names the statuses in a legend")
    void labelsThePartsAndHasALegend() {
        assertThat(SvgMarkup.of(CHART.draw("status-chart")).drawnTexts())
                .contains("3", "5", "10", "2", "6", "12")
                .contains("Red", "Amber", "Green", "Blue", "Not judged", "No return");
    }

    @Test
    @DisplayName("leaves out a count too small to fit in its part: the text alternative has it")
    void leavesOutACountThatDoesNotFit() {
        Svg drawn = new StatusChart("Plans by status",
                List.of(new Quarter("2026/27 Q1", false, 1, 0, 58, 0, 0, 0)))
                .draw("status-chart");

        assertThat(inThePlot(SvgMarkup.of(drawn).drawnIn(RED))).hasSize(1);
        assertThat(SvgMarkup.of(drawn).drawnTexts()).contains("58").doesNotContain("1");
        assertThat(drawn.textAlternative()).contains("59 plans, 1 Red, 0 Amber, 58 Green");
    }

    @Test
    @DisplayName("hatches Green across and Blue down, so that they differ from Red printed in black and white")
    void hatchesGreenAndBlue() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("status-chart"));

        List<Element> greenHatching = inThePlot(svg.drawnIn(GREEN_HATCHING));
        List<Element> blueHatching = inThePlot(svg.drawnIn(BLUE_HATCHING));
        assertThat(greenHatching).as("over each Green part").hasSize(2);
        assertThat(blueHatching).as("over each Blue part").hasSize(2);
        double[] across = firstLine(greenHatching.get(0));
        assertThat(across[0]).isNotEqualTo(across[2]);
        assertThat(across[1]).isNotEqualTo(across[3]);
        double[] down = firstLine(blueHatching.get(0));
        assertThat(down[0]).isEqualTo(down[2]);
        assertThat(inThePlot(svg.drawnIn("stroke-width:1.5"))).as("no other part hatched").hasSize(5);
    }

    @Test
    @DisplayName("stacks those with no return apart from those not judged, at the top, grey and hatched along, as the "
            + "pack's summary tells them apart")
    void drawsNoReturnApartFromNotJudged() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("status-chart"));

        List<Element> noReturn = inThePlot(svg.drawnIn(NO_RETURN));
        List<Element> blue = inThePlot(svg.drawnIn(BLUE));
        assertThat(noReturn).as("in the second quarter alone").hasSize(1);
        assertThat(top(noReturn.get(0))).isLessThan(top(blue.get(1)));
        assertThat(height(noReturn.get(0)) / height(blue.get(1))).isCloseTo(1.0 / 2, within(0.01));
        double[] along = firstLine(inThePlot(svg.drawnIn(NO_RETURN_HATCHING)).get(0));
        assertThat(along[1]).isEqualTo(along[3]);
        assertThat(along[0]).isNotEqualTo(along[2]);
    }

    @Test
    @DisplayName("draws no hatching across a count: white on the colour alone has the contrast text needs")
    void keepsTheHatchingFromAcrossTheCounts() {
        SvgMarkup svg = SvgMarkup.of(CHART.draw("status-chart"));

        List<Line2D> hatching = Stream.of(GREEN_HATCHING, BLUE_HATCHING, NO_RETURN_HATCHING)
                .flatMap(lines -> inThePlot(svg.drawnIn(lines)).stream()).flatMap(path -> lines(path).stream())
                .toList();
        List<Element> whiteCounts = svg.elements("text").stream()
                .filter(text -> text.getAttribute("style").contains("fill: rgb(255,255,255)")).toList();
        assertThat(whiteCounts).extracting(Element::getTextContent).as("Red's, Green's and Blue's counts")
                .containsExactlyInAnyOrder("3", "10", "2", "12", "2");
        for (Element count : whiteCounts) {
            // The figures' ink: from the baseline up to the digits' height, 11 px bold, about 7 px a digit.
            double x = Double.parseDouble(count.getAttribute("x"));
            double baseline = Double.parseDouble(count.getAttribute("y"));
            Rectangle2D ink = new Rectangle2D.Double(x, baseline - 8, 7 * count.getTextContent().length(), 8);
            assertThat(hatching).as("lines across " + count.getTextContent()).noneMatch(line -> line.intersects(ink));
        }
    }

    @Test
    @DisplayName("says so when there are no quarters yet")
    void saysSoWithoutQuarters() {
        Svg drawn = new StatusChart("Plans by status", List.of()).draw("status-chart");

        assertThat(SvgMarkup.of(drawn).drawnTexts()).contains("No plans yet");
        assertThat(drawn.textAlternative()).isEqualTo("Plans by status. No quarters yet.");
    }

    @Test
    @DisplayName("gives the same bytes for the same counts")
    void sameCountsSameBytes() {
        byte[] first = CHART.draw("status-chart").markup().getBytes(StandardCharsets.UTF_8);
        byte[] again = new StatusChart("North Network: plans by status", List.of(
                new Quarter("2025/26 Q4", false, 3, 5, 10, 2, 1, 0),
                new Quarter("2026/27 Q1", false, 0, 6, 12, 2, 0, 1))).draw("status-chart").markup()
                .getBytes(StandardCharsets.UTF_8);

        assertThat(again).isEqualTo(first);
    }

    /** Every line of a path drawn as moves and lines. */
    private static List<Line2D> lines(Element path) {
        Matcher line = Pattern.compile("M([\\d.]+),([\\d.]+)L([\\d.]+),([\\d.]+)").matcher(path.getAttribute("d"));
        List<Line2D> lines = new ArrayList<>();
        while (line.find()) {
            lines.add(new Line2D.Double(Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2)),
                    Double.parseDouble(line.group(3)), Double.parseDouble(line.group(4))));
        }
        assertThat(lines).as(path.getAttribute("d")).isNotEmpty();
        return lines;
    }

    /** The first line of a path: x1, y1, x2, y2. */
    private static double[] firstLine(Element path) {
        Matcher line = Pattern.compile("^M([\\d.]+),([\\d.]+)L([\\d.]+),([\\d.]+)").matcher(path.getAttribute("d"));
        assertThat(line.find()).as(path.getAttribute("d")).isTrue();
        return new double[] {Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2)),
                Double.parseDouble(line.group(3)), Double.parseDouble(line.group(4))};
    }

    private static double top(Element rect) {
        return Double.parseDouble(rect.getAttribute("y"));
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }
}
