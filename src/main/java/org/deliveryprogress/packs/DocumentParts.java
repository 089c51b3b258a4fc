package org.deliveryprogress.packs;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An XHTML document cut into parts that are laid out one by one, each as a document of its own: what comes before
 * the first element of the class that {@link PdfRenderer.Parts} names, then those elements, so many to a part, and
 * what follows the last of them with the last part. Each part has the whole head, and of the body its share inside
 * copies of the elements that hold it (the body, a section), their attributes kept. Each part but the first begins
 * with one of those elements, which start a new page, and the elements holding the parts break between them as at
 * a page break: so a part's pages are those of the whole document.
 * <p>
 * A link to an element that another part holds ({@code href="#plan-40"} in the summary, say) cannot be resolved by
 * the part: in the part it points to {@link #OTHER_PART} and the element's id, and that part reports where the
 * element landed ({@link #targetsIn}), so that the joined PDF can point it there.
 */
final class DocumentParts {

    /** The scheme of a link to an element of another part, as the part's own PDF holds it until it is joined. */
    static final String OTHER_PART = "other-part:";

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Document document;
    /** The first element of each part from the second on. */
    private final List<Element> starts;
    private final Set<Node> startSet = Collections.newSetFromMap(new IdentityHashMap<>());
    /** For each element holding the start of a part, how many starts it holds; no other node holds one. */
    private final Map<Node, Integer> startsWithin = new IdentityHashMap<>();
    /** Each id, with the first and the last part that hold its element (more than one: it holds a start). */
    private final Map<String, int[]> partsOfId = new HashMap<>();
    private final List<Set<String>> targets = new ArrayList<>();

    private DocumentParts(Document document, List<Element> starts) {
        this.document = document;
        this.starts = starts;
        startSet.addAll(starts);
        for (Element start : starts) {
            for (Node holder = start.getParentNode(); holder != null; holder = holder.getParentNode()) {
                startsWithin.merge(holder, 1, Integer::sum);
            }
        }
        List<Set<String>> linksOut = new ArrayList<>();
        for (int part = 0; part <= starts.size(); part++) {
            targets.add(new LinkedHashSet<>());
            linksOut.add(new LinkedHashSet<>());
        }
        index(document.getDocumentElement(), 0, linksOut);
        for (int part = 0; part < linksOut.size(); part++) {
            for (String id : linksOut.get(part)) {
                int[] holders = partsOfId.get(id);
                if (holders != null && !holds(holders, part)) {
                    targets.get(holders[0]).add(id);
                }
            }
        }
    }

    /**
     * The document's parts.
     *
     * @throws SAXException if the document is not well-formed XHTML
     */
    static DocumentParts of(String xhtml, PdfRenderer.Parts parts) throws SAXException, IOException {
        Document document = parse(xhtml);
        List<Element> marked = new ArrayList<>();
        collect(document.getDocumentElement(), parts.startClass(), marked);
        List<Element> starts = new ArrayList<>();
        for (int i = 0; i < marked.size(); i += parts.size()) {
            starts.add(marked.get(i));
        }
        return new DocumentParts(document, starts);
    }

    int count() {
        return starts.size() + 1;
    }

    /** Part {@code part} (from 0), a new document. */
    Document part(int part) {
        Document copy = newBuilder().newDocument();
        copy.appendChild(copy(document.getDocumentElement(), 0, part, copy));
        pointLinksElsewhere(copy.getDocumentElement(), part);
        return copy;
    }

    /** The ids in part {@code part} that other parts link to. */
    Set<String> targetsIn(int part) {
        return targets.get(part);
    }

    /** {@code node}, which starts in part {@code first}, or as much of it as part {@code part} holds; null if none. */
    private Node copy(Node node, int first, int part, Document into) {
        int last = first + startsWithin.getOrDefault(node, 0);
        if (part < first || part > last) {
            return null;
        }
        if (first == last) {
            return into.importNode(node, true);
        }
        Node copy = into.importNode(node, false);
        if (copy instanceof Element holder) {
            breakAcrossParts(holder, part > first, part < last);
        }
        int current = first;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (startSet.contains(child)) {
                current++;
            }
            Node share = isHead(child) ? into.importNode(child, true) : copy(child, current, part, into);
            if (share != null) {
                copy.appendChild(share);
            }
            current += startsWithin.getOrDefault(child, 0);
        }
        if (part < starts.size() && node == starts.get(part).getParentNode()) {
            copy.appendChild(nextPartsBreak(into, node.getNamespaceURI()));
        }
        return copy;
    }

    /**
     * Where the next part begins, its first element's page break, with nothing after it: so that the part ends as
     * it would in the whole document. Without it, the bottom margin of a return that fills its last page would run
     * onto an empty page; with it, the renderer drops the page the break opens, since nothing is on it.
     */
    private static Element nextPartsBreak(Document into, String namespace) {
        Element pageBreak = into.createElementNS(namespace, "div");
        pageBreak.setAttribute("style", "page-break-before: always");
        return pageBreak;
    }

    /**
     * An element that holds parts breaks between them as it would at a page break: its top edge (margin, border,
     * padding) is only in its first part, its bottom edge only in its last. Otherwise a later part would begin with
     * the body's margin, say, before its first element's page break, and so with an empty page.
     */
    private static void breakAcrossParts(Element holder, boolean continued, boolean continues) {
        List<String> style = new ArrayList<>();
        if (!holder.getAttribute("style").isBlank()) {
            style.add(holder.getAttribute("style"));
        }
        if (continued) {
            style.add("margin-top: 0; border-top: none; padding-top: 0");
        }
        if (continues) {
            style.add("margin-bottom: 0; border-bottom: none; padding-bottom: 0");
        }
        if (continued || continues) {
            holder.setAttribute("style", String.join("; ", style));
        }
    }

    /** Records the parts that hold each id, and the ids each part links to. */
    private void index(Node node, int first, List<Set<String>> linksOut) {
        int current = first;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (startSet.contains(element)) {
                    current++;
                }
                int last = current + startsWithin.getOrDefault(element, 0);
                if (!element.getAttribute("id").isEmpty()) {
                    partsOfId.putIfAbsent(element.getAttribute("id"), new int[] { current, last });
                }
                String href = element.getAttribute("href");
                if (href.startsWith("#") && current == last) {
                    linksOut.get(current).add(href.substring(1));
                }
                index(element, current, linksOut);
                current = last;
            }
        }
    }

    private void pointLinksElsewhere(Element element, int part) {
        String href = element.getAttribute("href");
        if (href.startsWith("#")) {
            int[] holders = partsOfId.get(href.substring(1));
            if (holders != null && !holds(holders, part)) {
                element.setAttribute("href", OTHER_PART + href.substring(1));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                pointLinksElsewhere(childElement, part);
            }
        }
    }

    private static boolean holds(int[] parts, int part) {
        return parts[0] <= part && part <= parts[1];
    }

    /** The elements of the class, in the document's order; not those inside one of them. */
    private static void collect(Element element, String className, List<Element> found) {
        if (Set.of(element.getAttribute("class").split("\\s+")).contains(className)) {
            found.add(element);
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, className, found);
            }
        }
    }

    private static boolean isHead(Node node) {
        return XHTML.equals(node.getNamespaceURI()) && "head".equals(node.getLocalName());
    }

    /** Parsed as the renderer would: namespaces on, nothing outside the document read. */
    private static Document parse(String xhtml) throws SAXException, IOException {
        DocumentBuilder builder = newBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            // Without a handler of its own the parser also prints each error to stderr.
            @Override
            public void warning(SAXParseException exception) {
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                throw exception;
            }
        });
        return builder.parse(new InputSource(new StringReader(xhtml)));
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Every node is visited to cut the parts: a deferred DOM, which builds a node's object when it is first
            // visited, would then hold each node twice, in its compact tables and as an object.
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser has these features", e);
        }
    }
}
