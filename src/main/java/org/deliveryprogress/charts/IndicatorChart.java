package org.deliveryprogress.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.deliveryprogress.shared.NumberInText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;

/**
 * An indicator's values period by period, drawn against its targets and baseline: the values as a solid line with a
 * round marker at each, each year's target as a dashed line with a bar at each of that year's periods, the baseline
 * as a dotted line across. Lines differ by pattern and marker as well as by colour, and a legend names them, so the
 * chart reads the same printed in black and white.
 * <p>
 * Everything is as written, as the plan keeps it: a value is drawn if it is a number ("74.6", "1,234", "74.6%") and
 * left as a gap if it is words; a target is drawn at the figure it aims at ("No more than 142"), the baseline at the
 * first number its text holds besides years ("74.6% (2007/08)"), and neither is drawn if it holds none. The text
 * alternative gives every one of them: words as written, numbers with the unit.
 *
 * @param code           the indicator's code, such as "NI 1"
 * @param description    what it measures
 * @param unit           its unit, such as "%" (blank for none)
 * @param higherIsBetter whether a higher value is better
 * @param baseline       the baseline as written (null or blank for none)
 * @param targetsByYear  the targets as written, by financial year as written ("2026/27"); a blank one is none
 * @param values         the values by period, the earliest first: a period is a quarter ("2026/27 Q2") or a whole
 *                       financial year ("2026/27"), and belongs to that financial year's target
 */
public record IndicatorChart(String code, String description, String unit, boolean higherIsBetter, String baseline,
        Map<String, String> targetsByYear, List<PeriodValue> values) {

    /**
     * The charts' height ({@link ChartSvg#HEIGHT}) and the room its labels take when they are tilted, so that the
     * plot keeps its height.
     */
    private static final int TILTED_HEIGHT = 300;

    private static final String VALUES = "Values";
    private static final String BASELINE = "Baseline";
    private static final String TARGET = "Target";
    private static final String BREAK = "…";
    /** The most periods and breaks whose labels fit level on the axis, a quarter's on two lines. */
    private static final int LEVEL_LABELS = 6;
    /** A period as returns write it: a financial year, "2026/27", or one of its quarters, "2026/27 Q2". */
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})/\\d{2}(?:\\s*Q([1-4]))?");

    private static final Color VALUE_INK = new Color(0x1D3557);
    private static final Color TARGET_INK = new Color(0x333333);
    private static final Color BASELINE_INK = new Color(0x555555);
    private static final Shape ROUND_MARKER = new Ellipse2D.Double(-4, -4, 8, 8);
    private static final Shape TARGET_BAR = new Rectangle2D.Double(-9, -1.5, 18, 3);

    /** One period's value as written: a number, or words for a period whose figure could not be given. */
    public record PeriodValue(String period, String value) {
    }

    public IndicatorChart {
        // In order of year, whatever the map's own order, so that the same targets always give the same chart.
        SortedMap<String, String> byYear = new TreeMap<>();
        if (targetsByYear != null) {
            targetsByYear.forEach((year, target) -> {
                if (!ChartSvg.plain(target).isEmpty()) {
                    byYear.put(ChartSvg.plain(year), target);
                }
            });
        }
        targetsByYear = Collections.unmodifiableSortedMap(byYear);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The chart as SVG.
     *
     * @param id the SVG element's id, unique in the page (such as "indicator-chart-3"); the ids inside the SVG start
     *           with it
     * @throws IllegalArgumentException if the id is not a letter followed by letters, digits, '-' or '_'
     */
    public Svg draw(String id) {
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setDrawOutlines(false);
        renderer.setLegendItemLabelGenerator((dataset, series) -> {
            String key = dataset.getRowKey(series).toString();
            return key.startsWith(TARGET) ? TARGET : key;
        });
        addValues(lines, renderer);
        addTargets(lines, renderer);
        addBaseline(lines, renderer);

        CategoryAxis periods = new CategoryAxis();
        periods.setMaximumCategoryLabelLines(2);
        boolean tilted = lines.getColumnCount() > LEVEL_LABELS;
        if (tilted) {
            // Level, a quarter's label ("2025/26 Q3") would be cut to "2025 /..." and every year read the same.
            periods.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CategoryPlot plot = new CategoryPlot(lines, periods, scaleFor(lines), renderer);
        plot.setNoDataMessage("No figures yet");

        JFreeChart chart = new JFreeChart(ChartSvg.drawable(title()), ChartSvg.bold(13), plot, true);
        chart.getTitle().setMaximumLinesToDisplay(2);
        chart.addSubtitle(0, new TextTitle(higherIsBetter ? "↑ Higher is better" : "↓ Lower is better"));
        ChartSvg.applyHouseStyle(chart);
        return ChartSvg.draw(chart, id, ChartSvg.WIDTH, tilted ? TILTED_HEIGHT : ChartSvg.HEIGHT, title(),
                inWords());
    }

    /**
     * The values that are numbers, a gap for each in words; each labelled with its number. Where periods are missing
     * between two values (a series that jumps from 2008/09 to 2025/26), the axis has a break, "…", and the line
     * stops at it: the periods are evenly spaced, so the line would otherwise show a change over years as one over a
     * quarter.
     */
    private void addValues(DefaultCategoryDataset lines, LineAndShapeRenderer renderer) {
        PeriodValue before = null;
        for (PeriodValue value : values) {
            if (before != null && !follows(value.period(), before.period())) {
                lines.addValue(null, VALUES, new Column(BREAK, lines.getColumnCount()));
            }
            lines.addValue(NumberInText.exactly(value.value()).orElse(null), VALUES, category(value));
            before = value;
        }
        style(renderer, 0, VALUE_INK, new BasicStroke(2f), ROUND_MARKER);
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesItemLabelGenerator(0, new StandardCategoryItemLabelGenerator("{2}", ChartSvg.numbers()));
        renderer.setSeriesItemLabelFont(0, ChartSvg.regular(10));
        ItemLabelPosition above = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
        renderer.setSeriesPositiveItemLabelPosition(0, above);
        renderer.setSeriesNegativeItemLabelPosition(0, above);
    }

    /**
     * Each year's target that holds a number, across the year's periods on the chart: a line of its own, so that
     * no line joins one year's target to the next.
     */
    private void addTargets(DefaultCategoryDataset lines, LineAndShapeRenderer renderer) {
        boolean first = true;
        for (Map.Entry<String, String> target : targetsByYear.entrySet()) {
            String year = target.getKey();
            Optional<BigDecimal> number = NumberInText.aimedAt(target.getValue());
            List<PeriodValue> periodsOfTheYear = values.stream()
                    .filter(value -> yearOf(value.period()).equals(year)).toList();
            if (number.isEmpty() || periodsOfTheYear.isEmpty()) {
                continue;
            }
            String series = TARGET + " " + year;
            for (PeriodValue period : periodsOfTheYear) {
                lines.addValue(number.get(), series, category(period));
            }
            int row = lines.getRowIndex(series);
            style(renderer, row, TARGET_INK, dashed(2f, 6f, 4f), TARGET_BAR);
            renderer.setSeriesVisibleInLegend(row, first);
            first = false;
        }
    }

    /** The baseline, if it holds a number besides the years it names, across every period and break. */
    private void addBaseline(DefaultCategoryDataset lines, LineAndShapeRenderer renderer) {
        Optional<BigDecimal> number = NumberInText.firstBesidesPeriods(baseline);
        if (number.isEmpty() || values.isEmpty()) {
            return;
        }
        for (int column = 0; column < lines.getColumnCount(); column++) {
            lines.addValue(number.get(), BASELINE, lines.getColumnKey(column));
        }
        int row = lines.getRowIndex(BASELINE);
        style(renderer, row, BASELINE_INK, dashed(1.5f, 1.5f, 3f), null);
    }

    /** The scale, in the unit, from a little below the lowest figure to a little above the highest. */
    private NumberAxis scaleFor(DefaultCategoryDataset lines) {
        NumberAxis scale = new NumberAxis(ChartSvg.drawable(unit));
        scale.setAutoRangeIncludesZero(false);
        scale.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.UK));
        // Room for the values' labels above their markers.
        scale.setUpperMargin(0.15);
        Range drawn = DatasetUtils.findRangeBounds(lines);
        if (drawn != null) {
            // A single figure, or several equal, would otherwise get a scale of millionths.
            double magnitude = Math.max(Math.abs(drawn.getLowerBound()), Math.abs(drawn.getUpperBound()));
            scale.setAutoRangeMinimumSize(magnitude > 0 ? magnitude / 20 : 1);
        }
        return scale;
    }

    /** The chart's name: the indicator's code and what it measures. */
    private String title() {
        String what = ChartSvg.plain(description);
        return what.isEmpty() ? ChartSvg.plain(code) : ChartSvg.plain(code) + ": " + what;
    }

    /** Every figure the chart draws, and the ones it cannot, as written. */
    private String inWords() {
        Function<String, String> withUnit = written -> NumberInText.exactly(written)
                .map(number -> number.stripTrailingZeros().toPlainString() + unitSuffix())
                .orElse(ChartSvg.plain(written));
        List<String> sentences = new ArrayList<>();
        sentences.add(values.isEmpty() ? "No values yet"
                : values.stream().map(value -> ChartSvg.plain(value.period()) + " " + withUnit.apply(value.value()))
                        .collect(Collectors.joining(", ", "Values: ", "")));
        targetsByYear.forEach((year, target) -> sentences.add("Target " + year + ": " + withUnit.apply(target)));
        if (targetsByYear.isEmpty()) {
            sentences.add("No targets");
        }
        sentences.add(ChartSvg.plain(baseline).isEmpty() ? "No baseline" : "Baseline: " + withUnit.apply(baseline));
        sentences.add(higherIsBetter ? "Higher is better" : "Lower is better");
        return String.join(". ", sentences) + ".";
    }

    private String unitSuffix() {
        String written = ChartSvg.plain(unit);
        return written.isEmpty() ? "" : " " + written;
    }

    /** The period on the chart's axis. */
    private static Column category(PeriodValue value) {
        return new Column(ChartSvg.drawable(value.period()), -1);
    }

    /**
     * A place on the chart's axis: a period, or a break between periods that do not follow each other, which is told
     * from another by its place (a period's is -1: a period is on the axis once).
     */
    private record Column(String label, int place) implements Comparable<Column> {

        @Override
        public int compareTo(Column other) {
            int byLabel = label.compareTo(other.label);
            return byLabel != 0 ? byLabel : Integer.compare(place, other.place);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Whether a period comes straight after another, or overlaps it: the quarter after a quarter (2025/26 Q4, then
     * 2026/27 Q1), the year after a year, the first quarter after the year before, a year after its own quarters (as
     * a series orders them). Periods not written as returns write them are taken to follow, so that the chart puts no
     * break where it cannot tell.
     */
    private static boolean follows(String period, String before) {
        Matcher now = PERIOD.matcher(ChartSvg.plain(period));
        Matcher then = PERIOD.matcher(ChartSvg.plain(before));
        if (!now.matches() || !then.matches()) {
            return true;
        }
        return firstQuarter(now) <= firstQuarter(then) + quarters(then);
    }

    /** A period's first quarter, counted from the financial year 0000/01's first. */
    private static int firstQuarter(Matcher period) {
        int year = Integer.parseInt(period.group(1)) * 4;
        return period.group(2) == null ? year : year + Integer.parseInt(period.group(2)) - 1;
    }

    private static int quarters(Matcher period) {
        return period.group(2) == null ? 4 : 1;
    }

    /** The financial year a period belongs to: "2026/27" for "2026/27 Q2" and for "2026/27" itself. */
    private static String yearOf(String period) {
        return ChartSvg.plain(period).replaceFirst("\\s*Q[1-4]$", "");
    }

    /** A line's look: its colour, its stroke and its marker at each period (null for none). */
    private static void style(LineAndShapeRenderer renderer, int row, Color ink, Stroke stroke, Shape marker) {
        renderer.setSeriesPaint(row, ink);
        renderer.setSeriesStroke(row, stroke);
        if (marker == null) {
            renderer.setSeriesShapesVisible(row, false);
        } else {
            renderer.setSeriesShape(row, marker);
        }
    }

    private static Stroke dashed(float width, float dash, float gap) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {dash, gap}, 0f);
    }
}
