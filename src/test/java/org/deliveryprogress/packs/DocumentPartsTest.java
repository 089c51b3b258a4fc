package org.deliveryprogress.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A pack's XHTML cut into parts to be laid out one by one: each part a document of its own, together the whole. */
class DocumentPartsTest {

    /** Five plans' returns after a summary that links to each, and a closing note after the returns. */
    private static final String PACK = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
            <head><title>Pack</title><style>.plan { page-break-before: always; }</style></head>
            <body><main>
            <section id="summary"><h2>Summary</h2><ul>%s</ul></section>
            <section id="returns" class="returns"><h2>Returns</h2>%s</section>
            <p id="closing">End of the pack</p>
            </main></body>
            </html>
            """.formatted(
            IntStream.rangeClosed(1, 5)
                    .mapToObj(plan -> "<li><a href=\"#plan-" + plan + "\">Plan " + plan + "</a></li>")
                    .collect(Collectors.joining()),
            IntStream.rangeClosed(1, 5).mapToObj(plan -> "<article class=\"plan\" id=\"plan-" + plan + "\"><h3>Plan "
                    + plan + "</h3><a href=\"#summary\">Back to the summary</a></article>")
                    .collect(Collectors.joining()));

    @Test
    void cutsBeforeTheFirstPlanThenEveryNthAndLeavesWhatFollowsTheLastToTheLastPart() throws Exception {
        DocumentParts parts = DocumentParts.of(PACK, new PdfRenderer.Parts("plan", 2));

        assertThat(parts.count()).isEqualTo(4);
        assertThat(texts(parts.part(0), "h2")).containsExactly("Summary", "Returns");
        assertThat(texts(parts.part(0), "h3")).isEmpty();
        assertThat(texts(parts.part(1), "h3")).containsExactly("Plan 1", "Plan 2");
        assertThat(texts(parts.part(2), "h3")).containsExactly("Plan 3", "Plan 4");
        assertThat(texts(parts.part(3), "h3")).containsExactly("Plan 5");
        assertThat(texts(parts.part(3), "p")).containsExactly("End of the pack");
        assertThat(texts(parts.part(1), "h2")).as("the sections' headings stay in the first part").isEmpty();
    }

    @Test
    void givesEachPartTheHeadAndCopiesOfTheElementsThatHoldIt() throws Exception {
        Document part = DocumentParts.of(PACK, new PdfRenderer.Parts("plan", 2)).part(2);

        assertThat(part.getDocumentElement().getAttribute("lang")).isEqualTo("en-GB");
        assertThat(texts(part, "style")).containsExactly(".plan { page-break-before: always; }");
        assertThat(texts(part, "title")).containsExactly("Pack");
        Element returns = elements(part, "section").get(0);
        assertThat(returns.getAttribute("class")).isEqualTo("returns");
        assertThat(returns.getAttribute("style")).as("it breaks as at a page break, so no margin before or after")
                .contains("margin-top: 0", "padding-top: 0", "margin-bottom: 0", "padding-bottom: 0");
    }

    @Test
    void pointsLinksToAnotherPartElsewhereAndTellsThatPartWhatIsLinkedTo() throws Exception {
        DocumentParts parts = DocumentParts.of(PACK, new PdfRenderer.Parts("plan", 2));

        assertThat(hrefs(parts.part(0))).containsExactly(DocumentParts.OTHER_PART + "plan-1",
                DocumentParts.OTHER_PART + "plan-2", DocumentParts.OTHER_PART + "plan-3",
                DocumentParts.OTHER_PART + "plan-4", DocumentParts.OTHER_PART + "plan-5");
        assertThat(hrefs(parts.part(2))).containsOnly(DocumentParts.OTHER_PART + "summary");
        assertThat(parts.targetsIn(0)).containsExactly("summary");
        assertThat(parts.targetsIn(1)).containsExactly("plan-1", "plan-2");
        assertThat(parts.targetsIn(3)).containsExactly("plan-5");
    }

    @Test
    void keepsADocumentWithoutTheClassWhole() throws Exception {
        DocumentParts parts = DocumentParts.of(PACK, new PdfRenderer.Parts("no-such-class", 2));

        assertThat(parts.count()).isOne();
        assertThat(texts(parts.part(0), "h3")).hasSize(5);
        assertThat(hrefs(parts.part(0))).allSatisfy(href -> assertThat(href).startsWith("#"));
        assertThat(parts.targetsIn(0)).isEmpty();
    }

    @Test
    void refusesXhtmlThatIsNotWellFormed() {
        assertThatThrownBy(() -> DocumentParts.of("<html><body><p>Line<br>two</p></body></html>",
                new PdfRenderer.Parts("plan", 2))).isInstanceOf(SAXException.class).hasMessageContaining("\"br\"");
    }

    private static List<String> texts(Document document, String name) {
        return elements(document, name).stream().map(Element::getTextContent).toList();
    }

    private static List<String> hrefs(Document document) {
        return elements(document, "a").stream().map(link -> link.getAttribute("href")).toList();
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
