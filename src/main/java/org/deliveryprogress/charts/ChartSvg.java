package org.deliveryprogress.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.general.DatasetUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * What every chart shares: its fonts and look, and its drawing into an accessible, repeatable {@link Svg}.
 * <p>
 * The charts measure their text with DejaVu Sans read from the application's own fonts (those the PDFs embed), not
 * with whatever fonts the server has, so that the same figures give the same bytes on every server; the SVG names
 * DejaVu Sans first and the pages' fallbacks after it.
 */
final class ChartSvg {

    /** The drawn size, in CSS pixels: a column of an A4 page, or of the plan page, at its full width. */
    static final int WIDTH = 560;
    static final int HEIGHT = 260;

    static final Color INK = new Color(0x111111);
    static final Color GRID = new Color(0xC8C8C8);

    private static final Font DEJAVU_SANS = font("DejaVuSans.ttf");
    private static final Font DEJAVU_SANS_BOLD = font("DejaVuSans-Bold.ttf");
    private static final String FONT_FAMILIES = "\"DejaVu Sans\", Arial, Helvetica, sans-serif";

    /** An id XML and HTML both take, and that the chart's own ids can start with. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** What XML 1.0 cannot hold, even escaped: control characters (but tab, line feed, return), U+FFFE, U+FFFF. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    /** An ampersand that starts one of XML's own entities, such as an officer's "&amp;". */
    private static final Pattern AMPERSAND_OF_AN_ENTITY = Pattern.compile("&(?=(?:lt|gt|amp|apos|quot);)");

    private ChartSvg() {
    }

    static Font regular(float size) {
        return DEJAVU_SANS.deriveFont(Font.PLAIN, size);
    }

    static Font bold(float size) {
        // Bold, for the SVG to say so; measured as the bold face itself, which is wider than regular made bold.
        return DEJAVU_SANS_BOLD.deriveFont(Font.BOLD, size);
    }

    /** Numbers as the partnership writes them, whatever the server's locale: 1,234.5. */
    static NumberFormat numbers() {
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.UK));
    }

    /**
     * Black text on white, grey grid lines, flat bars without shadows, DejaVu Sans throughout; the colours, lines and
     * markers of each series stay as the chart gave them.
     */
    static void applyHouseStyle(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("Delivery Progress", false);
        // The theme would replace the series' colours and lines, and the bars' painter, with its own.
        CategoryItemRenderer renderer = chart.getCategoryPlot().getRenderer();
        if (renderer instanceof AbstractRenderer series) {
            series.setAutoPopulateSeriesPaint(false);
            series.setAutoPopulateSeriesStroke(false);
        }
        if (renderer instanceof BarRenderer bars) {
            theme.setBarPainter(bars.getBarPainter());
        }
        theme.setExtraLargeFont(bold(13));
        theme.setLargeFont(regular(11));
        theme.setRegularFont(regular(11));
        theme.setSmallFont(regular(10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setItemLabelPaint(INK);
        theme.setPlotOutlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(4, 8, 4, 8));
        CategoryPlot plot = chart.getCategoryPlot();
        // Solid: a dotted line is the baseline's.
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        if (DatasetUtils.isEmptyOrNull(plot.getDataset())) {
            // Nothing to measure: no scale and no grid around the plot's "no data" message.
            plot.getRangeAxis().setVisible(false);
            plot.setRangeGridlinesVisible(false);
        }
    }

    /**
     * The text as it can be drawn: without the characters XML cannot hold. JFreeSVG escapes what a chart draws, but
     * leaves an ampersand that already starts an entity as it is, which would show "&amp;" as "&": that one is
     * escaped here.
     */
    static String drawable(String text) {
        return AMPERSAND_OF_AN_ENTITY.matcher(plain(text)).replaceAll("&amp;");
    }

    /** The text without the characters XML cannot hold, and without surrounding space; empty for none. */
    static String plain(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("").strip();
    }

    /**
     * The chart drawn into an SVG element of the given size, with the id, named by the title and described by the
     * description: a {@code role="img"} whose {@code <title>} and {@code <desc>} are its text alternative. Every id
     * inside starts with the chart's id, so that several charts can share a page.
     *
     * @throws IllegalArgumentException if the id is not a letter followed by letters, digits, '-' or '_'
     */
    static Svg draw(JFreeChart chart, String id, int width, int height, String title, String description) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A chart's id must be a letter followed by letters, digits, '-' or "
                    + "'_', unique in its page; not " + id);
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // Its default prefix is the time of drawing: the same chart would differ each time, and two charts in one
        // page could share ids.
        svg.setDefsKeyPrefix(id + "-");
        svg.setFontFunction(family -> FONT_FAMILIES);
        // Hundredths of a pixel are finer than any screen or printer, and keep the markup small.
        svg.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
        svg.setTransformDoubleConverter(SVGUtils.createDoubleConverter(2));
        chart.draw(svg, new Rectangle(width, height));

        String drawn = svg.getSVGElement();
        // Without a full stop of its own: one joins it to the description, here as in the PDF's alternate text.
        String titleText = plain(title).replaceFirst("\\.+$", "");
        String descriptionText = plain(description);
        String markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\""
                + " width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\""
                + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">"
                + "<title id=\"" + id + "-title\">" + escaped(titleText) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escaped(descriptionText) + "</desc>"
                // What JFreeSVG drew, without its own root element.
                + drawn.substring(drawn.indexOf('>') + 1);
        return new Svg(markup, titleText + ". " + descriptionText);
    }

    private static String escaped(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Font font(String file) {
        try (InputStream in = ChartSvg.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the classpath's fonts/");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The font " + file + " is not a TrueType font", e);
        }
    }
}
