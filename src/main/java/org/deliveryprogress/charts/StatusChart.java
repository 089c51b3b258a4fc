package org.deliveryprogress.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A network's plans by status, quarter by quarter: a bar for each quarter, stacked from Red at the bottom to those
 * not judged and those with no return at the top, each part with its count in it where the count fits. The statuses
 * have the pages' colours, and also a look of their own in black and white (Red dark, Amber light, Green hatched
 * across, Blue hatched down, not judged white, no return grey hatched along), in the same order in the legend as in
 * the bars.
 *
 * @param title    what the chart shows, such as "North Network: plans by status"
 * @param quarters the quarters, the earliest first
 */
public record StatusChart(String title, List<Quarter> quarters) {

    private static final Shape LEGEND_SWATCH = new Rectangle2D.Double(-5, -5, 10, 10);

    /**
     * A quarter's count of plans of each status: those not judged returned an update that was not judged by the
     * cycle's close, or, while its cycle is open, have not been judged yet; those with no return returned none before
     * the cycle closed.
     */
    public record Quarter(String period, boolean open, int red, int amber, int green, int blue, int notJudged,
            int noReturn) {

        int total() {
            return red + amber + green + blue + notJudged + noReturn;
        }

        /** The quarter, called open while its cycle is: "10 not judged" of a cycle opened that morning misled. */
        String label() {
            return open ? period + " (open)" : period;
        }
    }

    public StatusChart {
        quarters = quarters == null ? List.of() : List.copyOf(quarters);
    }

    /**
     * The chart as SVG.
     *
     * @param id the SVG element's id, unique in the page (such as "status-chart"); the ids inside the SVG start with
     *           it
     * @throws IllegalArgumentException if the id is not a letter followed by letters, digits, '-' or '_'
     */
    public Svg draw(String id) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new HatchedBarPainter());
        // Outlined, in the bars and the legend's swatches, so that the white of those not judged shows.
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(ChartSvg.INK);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.75f));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartSvg.numbers()));
        renderer.setDefaultItemLabelFont(ChartSvg.bold(10));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER,
                TextAnchor.CENTER));
        // A count that does not fit in its part of the bar is left out: the text alternative has it.
        renderer.setPositiveItemLabelPositionFallback(null);
        renderer.setMaximumBarWidth(0.12);

        for (Status status : Status.values()) {
            for (Quarter quarter : quarters) {
                int count = status.count.applyAsInt(quarter);
                // A zero is no part of the bar, but still adds the status: its row is its place in the stack.
                bars.addValue(count == 0 ? null : count, status.word, ChartSvg.drawable(quarter.label()));
            }
            renderer.setSeriesPaint(status.ordinal(), status.colour);
            renderer.setSeriesItemLabelPaint(status.ordinal(), status.labelInk);
            renderer.setLegendShape(status.ordinal(), status.hatching.cutOutOf(LEGEND_SWATCH));
        }

        CategoryAxis periods = new CategoryAxis();
        periods.setMaximumCategoryLabelLines(2);
        NumberAxis plans = new NumberAxis("Plans");
        plans.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.UK));
        CategoryPlot plot = new CategoryPlot(bars, periods, plans, renderer);
        plot.setNoDataMessage("No plans yet");

        JFreeChart chart = new JFreeChart(ChartSvg.drawable(title), ChartSvg.bold(13), plot, true);
        chart.getTitle().setMaximumLinesToDisplay(2);
        ChartSvg.applyHouseStyle(chart);
        return ChartSvg.draw(chart, id, ChartSvg.WIDTH, ChartSvg.HEIGHT, title, description());
    }

    /** Each quarter's counts, in words. */
    private String description() {
        if (quarters.isEmpty()) {
            return "No quarters yet.";
        }
        return quarters.stream().map(quarter -> ChartSvg.plain(quarter.label()) + ": " + quarter.total()
                + (quarter.total() == 1 ? " plan, " : " plans, ")
                + Stream.of(Status.values()).map(status -> status.count.applyAsInt(quarter) + " " + status.inText
                                + (quarter.open() && status == Status.NOT_JUDGED ? " yet" : ""))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(". ", "", "."));
    }

    /** The statuses in the order they stack, with the pages' colours (site.css), and a hatching where those alike. */
    private enum Status {
        RED("Red", "Red", Quarter::red, new Color(0xB3261E), Hatching.NONE, Color.WHITE),
        AMBER("Amber", "Amber", Quarter::amber, new Color(0xF2B705), Hatching.NONE, ChartSvg.INK),
        GREEN("Green", "Green", Quarter::green, new Color(0x1E7B34), Hatching.DIAGONAL, Color.WHITE),
        BLUE("Blue", "Blue", Quarter::blue, new Color(0x1D4ED8), Hatching.VERTICAL, Color.WHITE),
        NOT_JUDGED("Not judged", "not judged", Quarter::notJudged, Color.WHITE, Hatching.NONE, ChartSvg.INK),
        // The grey of 4.5:1 against white, so that its white count reads; hatched, so that it differs from Red.
        NO_RETURN("No return", "no return", Quarter::noReturn, new Color(0x767676), Hatching.HORIZONTAL,
                Color.WHITE);

        private final String word;
        private final String inText;
        private final ToIntFunction<Quarter> count;
        private final Color colour;
        private final Hatching hatching;
        private final Color labelInk;

        Status(String word, String inText, ToIntFunction<Quarter> count, Color colour, Hatching hatching,
                Color labelInk) {
            this.word = word;
            this.inText = inText;
            this.count = count;
            this.colour = colour;
            this.hatching = hatching;
            this.labelInk = labelInk;
        }
    }

    /**
     * Flat bars as the house style's, with their status's hatching over the colour and under the outline, and none
     * under the part's count: white figures over the lighter lines would not have the contrast text needs.
     */
    private static final class HatchedBarPainter extends StandardBarPainter {

        private static final double COUNT_MARGIN = 2;

        @Override
        public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                RectangleEdge base) {
            Status status = Status.values()[row];
            g2.setPaint(status.colour);
            g2.fill(bar);
            Rectangle2D area = bar.getBounds2D();
            status.hatching.draw(g2, area, underTheCount(g2, renderer, row, column, area), status.colour);
            g2.setStroke(renderer.getItemOutlineStroke(row, column));
            g2.setPaint(renderer.getItemOutlinePaint(row, column));
            g2.draw(bar);
        }

        /**
         * Where the part's count is written (in its middle), a little larger; null where the count does not fit and
         * is left out.
         */
        private static Rectangle2D underTheCount(Graphics2D g2, BarRenderer renderer, int row, int column,
                Rectangle2D area) {
            String count = renderer.getItemLabelGenerator(row, column)
                    .generateLabel(renderer.getPlot().getDataset(), row, column);
            if (count == null) {
                return null;
            }
            Rectangle2D text = g2.getFontMetrics(renderer.getItemLabelFont(row, column)).getStringBounds(count, g2);
            double width = text.getWidth() + 2 * COUNT_MARGIN;
            double height = text.getHeight() + 2 * COUNT_MARGIN;
            if (width > area.getWidth() || text.getHeight() > area.getHeight()) {
                return null;
            }
            return new Rectangle2D.Double(area.getCenterX() - width / 2, area.getCenterY() - height / 2, width,
                    height);
        }
    }
}
