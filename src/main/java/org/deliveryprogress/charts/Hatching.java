package org.deliveryprogress.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines across an area of colour, in a lighter shade of it, so that areas of colours that print as the same grey
 * still differ in black and white. Drawn as lines rather than as an SVG pattern, which the PDF's SVG drawer does not
 * draw; the lines lie on one grid across the chart, so that the parts of neighbouring bars line up.
 */
enum Hatching {

    NONE {
        @Override
        List<Line2D> lines(Rectangle2D area) {
            return List.of();
        }
    },
    HORIZONTAL {
        @Override
        List<Line2D> lines(Rectangle2D area) {
            List<Line2D> lines = new ArrayList<>();
            for (double y = firstOnTheGrid(area.getMinY()); y < area.getMaxY(); y += SPACING) {
                lines.add(new Line2D.Double(area.getMinX(), y, area.getMaxX(), y));
            }
            return lines;
        }
    },
    VERTICAL {
        @Override
        List<Line2D> lines(Rectangle2D area) {
            List<Line2D> lines = new ArrayList<>();
            for (double x = firstOnTheGrid(area.getMinX()); x < area.getMaxX(); x += SPACING) {
                lines.add(new Line2D.Double(x, area.getMinY(), x, area.getMaxY()));
            }
            return lines;
        }
    },
    DIAGONAL {
        /** The lines x + y = c, rising to the right, cut to the area. */
        @Override
        List<Line2D> lines(Rectangle2D area) {
            List<Line2D> lines = new ArrayList<>();
            double last = area.getMaxX() + area.getMaxY();
            for (double c = firstOnTheGrid(area.getMinX() + area.getMinY()); c < last; c += SPACING) {
                double startX = Math.max(area.getMinX(), c - area.getMaxY());
                double endX = Math.min(area.getMaxX(), c - area.getMinY());
                if (startX < endX) {
                    lines.add(new Line2D.Double(startX, c - startX, endX, c - endX));
                }
            }
            return lines;
        }
    };

    private static final double SPACING = 6;
    private static final Stroke LINE = new BasicStroke(1.5f);

    /**
     * Draws the lines over an area already filled with the colour, in a lighter shade of it, but none across the part
     * kept clear (null: none), where a figure is written: on the colour alone white figures have the contrast text
     * needs (WCAG 1.4.3, 4.5:1), which the lighter lines across them took away (about 2:1).
     */
    void draw(Graphics2D g2, Rectangle2D area, Rectangle2D keptClear, Color colour) {
        List<Line2D> lines = keptClear == null ? lines(area) : around(area, keptClear.createIntersection(area));
        if (!lines.isEmpty()) {
            g2.setPaint(lighter(colour));
            g2.setStroke(LINE);
            g2.draw(path(lines));
        }
    }

    /** The shape with the lines cut out of it: a legend's swatch that looks like the bars it stands for. */
    Shape cutOutOf(Shape shape) {
        Area cut = new Area(shape);
        cut.subtract(new Area(LINE.createStrokedShape(path(lines(shape.getBounds2D())))));
        return cut;
    }

    /** Halfway to white: the lines show in black and white. */
    private static Color lighter(Color colour) {
        return new Color((colour.getRed() + 255) / 2, (colour.getGreen() + 255) / 2, (colour.getBlue() + 255) / 2);
    }

    /** The lines of the area less the part kept clear: those of the bands above, below, left and right of it. */
    private List<Line2D> around(Rectangle2D area, Rectangle2D clear) {
        if (clear.isEmpty()) {
            return lines(area);
        }
        List<Line2D> lines = new ArrayList<>();
        for (Rectangle2D band : List.of(
                new Rectangle2D.Double(area.getMinX(), area.getMinY(), area.getWidth(),
                        clear.getMinY() - area.getMinY()),
                new Rectangle2D.Double(area.getMinX(), clear.getMaxY(), area.getWidth(),
                        area.getMaxY() - clear.getMaxY()),
                new Rectangle2D.Double(area.getMinX(), clear.getMinY(), clear.getMinX() - area.getMinX(),
                        clear.getHeight()),
                new Rectangle2D.Double(clear.getMaxX(), clear.getMinY(), area.getMaxX() - clear.getMaxX(),
                        clear.getHeight()))) {
            if (band.getWidth() > 0 && band.getHeight() > 0) {
                lines.addAll(lines(band));
            }
        }
        return lines;
    }

    /** All the lines as one path, which is one element of the SVG. */
    private static Path2D path(List<Line2D> lines) {
        Path2D path = new Path2D.Double();
        lines.forEach(line -> path.append(line, false));
        return path;
    }

    /** The lines that cross the area, each cut to it. */
    abstract List<Line2D> lines(Rectangle2D area);

    private static double firstOnTheGrid(double from) {
        return Math.floor(from / SPACING) * SPACING + SPACING;
    }
}
