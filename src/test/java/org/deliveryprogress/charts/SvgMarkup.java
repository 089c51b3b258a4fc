package org.deliveryprogress.charts;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** A chart's markup read as XML, as an XHTML document reads it: what the tests look for in a drawn chart. */
final class SvgMarkup {

    private static final Pattern FIRST_POINT = Pattern.compile("^M(-?[\\d.]+),(-?[\\d.]+)");

    private final Element root;

    private SvgMarkup(Element root) {
        this.root = root;
    }

    /** Parses the markup, namespaces and all; fails the test if it is not well-formed XML. */
    static SvgMarkup of(Svg svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg.markup())));
            return new SvgMarkup(document.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    Element root() {
        return root;
    }

    /** The text of the first element of that name: the title, say. */
    String textOf(String name) {
        return elements(name).get(0).getTextContent();
    }

    /** The texts the chart draws, in order. */
    List<String> drawnTexts() {
        return elements("text").stream().map(Element::getTextContent).toList();
    }

    List<Element> elements(String name) {
        NodeList nodes = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Every value of an attribute named {@code id}. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        collectIds(root, ids);
        return ids;
    }

    /** The paths and lines drawn in a style that has all the fragments, such as a colour and a dash pattern. */
    List<Element> drawnIn(String... styleFragments) {
        List<Element> drawn = new ArrayList<>();
        for (String name : List.of("path", "line", "rect")) {
            for (Element element : elements(name)) {
                String style = element.getAttribute("style") + ";" + ((Element) element.getParentNode())
                        .getAttribute("style");
                if (List.of(styleFragments).stream().allMatch(style::contains)) {
                    drawn.add(element);
                }
            }
        }
        return drawn;
    }

    /**
     * Those drawn in the plot, not in the legend: JFreeSVG clips the plot's drawing to the plot, and everything else
     * to the whole chart, its first clip.
     */
    static List<Element> inThePlot(List<Element> drawn) {
        return drawn.stream().filter(element -> !clipOf(element).endsWith("-clip-0)")).toList();
    }

    private static String clipOf(Element element) {
        return element.hasAttribute("clip-path") ? element.getAttribute("clip-path")
                : ((Element) element.getParentNode()).getAttribute("clip-path");
    }

    /** The first point of a path (its {@code d}), or of a line. */
    static double[] firstPoint(Element drawn) {
        if (drawn.getLocalName().equals("line")) {
            return new double[] {Double.parseDouble(drawn.getAttribute("x1")),
                    Double.parseDouble(drawn.getAttribute("y1"))};
        }
        Matcher point = FIRST_POINT.matcher(drawn.getAttribute("d"));
        if (!point.find()) {
            throw new AssertionError("No first point in " + drawn.getAttribute("d"));
        }
        return new double[] {Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))};
    }

    private static void collectIds(Node node, List<String> ids) {
        if (node instanceof Element element) {
            if (element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                collectIds(child, ids);
            }
        }
    }
}
