package org.deliveryprogress.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.deliveryprogress.charts.IndicatorChart;
import org.deliveryprogress.charts.IndicatorChart.PeriodValue;
import org.deliveryprogress.charts.StatusChart;
import org.deliveryprogress.charts.StatusChart.Quarter;
import org.deliveryprogress.charts.Svg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting pack's XHTML page as a PDF that prints what the page shows, its charts too, for screen readers too, the
 * same each time.
 */
class PdfRendererTest {

    private static final String CSS = """
            @page { size: A4; margin: 18mm 15mm; }
            body { font-family: "DejaVu Sans"; font-size: 10pt; }
            table { -fs-table-paginate: paginate; border-collapse: collapse; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            """;

    private static final String SUMMARY = """
            <h1>North Network meeting pack</h1>
            <table>
              <thead><tr><th>Plan</th><th>Status</th><th>Trend</th><th>Judge</th></tr></thead>
              <tbody>
                <tr><td>NI 1 Homes</td><td>✖ Red</td><td>↓</td><td>Judge One</td></tr>
                <tr><td>NI 2 Roads</td><td>▲ Amber</td><td>→</td><td>Judge Two</td></tr>
                <tr><td>NI 3 Schools</td><td>● Green</td><td>↑</td><td>Judge Three</td></tr>
                <tr><td>NI 4 Parks</td><td>★ Blue</td><td>↑</td><td>Judge Four</td></tr>
                <tr><td>NI 5 Libraries</td><td>■ Not judged</td><td>▼</td><td>Judge Five</td></tr>
                <tr><td>NI 6 Buses</td><td>✔ Agreed</td><td>→</td><td>Judge Six</td></tr>
              </tbody>
            </table>
            <p>Officer’s note – “on track” • ‘nearly’ <em>done</em>…</p>
            <p>&lt;script&gt;alert('x')&lt;/script&gt;</p>
            """;

    /** Two plans to a part: the documents here have none but those of the tests of parts. */
    private static final PdfRenderer.Parts PLANS_OF_TWO = new PdfRenderer.Parts("plan", 2);
    /** Plans in a long pack, each return starting a page as a pack's do, and the footer of the pack's own CSS. */
    private static final int PLANS = 7;
    private static final String PLAN_CSS = """
            .plan { page-break-before: always; }
            @page { @bottom-center { content: "Page " counter(page) " of " counter(pages);
                font-family: "DejaVu Sans"; } }
            """;
    private static final String TITLE = "North Network meeting pack, March 2026";
    private static final Pattern PAGE_NUMBER = Pattern.compile("Page \\d+ of \\d+");
    private static final PdfRenderer renderer = new PdfRenderer();
    private static byte[] pack;
    /** Seven plans, two to a part: five parts, with the sections before the plans. */
    private static byte[] inParts;

    @BeforeAll
    static void renderThePack() {
        pack = render(document("Draft title", SUMMARY + longText()), TITLE);
        inParts = render(packOfPlans(), TITLE);
    }

    @Test
    void printsTheSummaryWithItsStatusSymbolsArrowsAndJudges() throws IOException {
        assertThat(text(pack)).contains(
                "North Network meeting pack",
                "✖ Red", "▲ Amber", "● Green", "★ Blue", "■ Not judged", "✔ Agreed",
                "↓", "→", "↑", "▼",
                "Judge One", "Judge Six");
    }

    @Test
    void printsOfficersDashesBulletsAndCurlyQuotes() throws IOException {
        assertThat(text(pack)).contains("Officer’s note – “on track” • ‘nearly’ done…");
    }

    @Test
    void printsTextThatLooksLikeMarkupAsThatText() throws IOException {
        assertThat(text(pack)).contains("<script>alert('x')</script>");
    }

    @Test
    void embedsDejaVuSansForRegularBoldAndItalicTextAndNoOtherFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pack)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
            assertThat(fonts).extracting(font -> font.getName().replaceFirst("^[A-Z]{6}\\+", "")).containsOnly(
                    "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique");
        }
    }

    @Test
    void drawsWithFontsThatGivePdfBoxNoGlyphSubstitutionToApplyToEachRunOfText() throws IOException {
        for (String file : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")) {
            try (PDDocument pdf = new PDDocument()) {
                PDType0Font font = PDType0Font.load(pdf, new ByteArrayInputStream(PdfRenderer.font(file)), true);
                assertThat(font.getGsubData()).as(file).isSameAs(GsubData.NO_DATA_FOUND);
            }
        }
    }

    @Test
    void runsALongPackOntoMoreA4Pages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pack)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            PDRectangle a4 = pdf.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
            assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.5f));
        }
        assertThat(text(pack)).contains(paragraph(1), paragraph(6));
    }

    @Test
    void isTitledWithTheGivenTitleRatherThanTheDocumentsOwn() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pack)) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("North Network meeting pack, March 2026");
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("North Network meeting pack, March 2026")
                    .doesNotContain("Draft title");
        }
    }

    @Test
    void isATaggedPdfInTheDocumentsLanguageForScreenReaders() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pack)) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
        }
    }

    @Test
    void givesTheSameBytesEachTimeForTheSameDocumentAndTitle() {
        byte[] again = render(document("Draft title", SUMMARY + longText()),
                "North Network meeting pack, March 2026");

        assertThat(again).isEqualTo(pack);
    }

    @Test
    void carriesNoDateAndAnIdOfItsOwnContent() throws IOException {
        byte[] otherContent = render(document("Draft title", SUMMARY),
                "North Network meeting pack, March 2026");

        try (PDDocument pdf = Loader.loadPDF(pack); PDDocument other = Loader.loadPDF(otherContent)) {
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNull();
            assertThat(pdf.getDocumentInformation().getModificationDate()).isNull();
            assertThat(idOf(pdf)).isNotEqualTo(idOf(other));
        }
    }

    @Test
    void repeatsATablesHeadOnEachPageItRunsOnto() throws IOException {
        assertThat(pageTexts(longTable())).hasSizeGreaterThan(2)
                .allSatisfy(page -> assertThat(page).startsWith("Plan Update"));
    }

    @Test
    void neverCutsATableRowInTwo() throws IOException {
        assertThat(pageTexts(longTable())).hasSizeGreaterThan(2).allSatisfy(page -> {
            for (int row = 1; row <= 60; row++) {
                assertThat(page.contains("Starts " + row + ".")).as("row %d starts and ends on this page", row)
                        .isEqualTo(page.contains("Ends " + row + "."));
            }
        });
    }

    @Test
    void fetchesNothingTheDocumentLinksTo(@TempDir Path folder) throws IOException {
        Path stylesheet = Files.writeString(folder.resolve("hide.css"), "p { display: none; }");
        String linking = document("Linked", "<p>Still shown</p>")
                .replace("<head>", "<head><link rel=\"stylesheet\" href=\"" + stylesheet.toUri() + "\"/>");

        byte[] pdf = render(linking, "Linked");

        assertThat(text(pdf)).contains("Still shown");
    }

    @Test
    void drawsAnInlineChartAsAFigureWhoseAlternateTextIsItsTitleAndFigures() throws IOException {
        Svg chart = indicatorChart();
        byte[] pdf = render(document("Charts", "<h2>NI 1</h2>" + chart.markup()), "Charts");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(figures(document.getDocumentCatalog().getStructureTreeRoot())).singleElement()
                    .satisfies(figure -> assertThat(figure.getAlternateDescription())
                            .isEqualTo(chart.textAlternative()));
            BufferedImage page = new PDFRenderer(document).renderImage(0);
            assertThat(pixelsOf(page, new Color(0x1D3557))).as("the values' line and markers, in their colour")
                    .isGreaterThan(50);
        }
    }

    @Test
    void printsAChartsTextAlternativeBesideItAsTextAndEmbedsNoOtherFontForTheChart() throws IOException {
        Svg chart = indicatorChart();
        byte[] pdf = render(document("Charts", chart.markup() + "<p>" + chart.textAlternative() + "</p>"),
                "Charts");

        assertThat(text(pdf)).contains(chart.textAlternative());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources page = document.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName name : page.getFontNames()) {
                fonts.add(page.getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            for (COSName name : page.getXObjectNames()) {
                if (page.getXObject(name) instanceof PDFormXObject drawing && drawing.getResources() != null) {
                    for (COSName font : drawing.getResources().getFontNames()) {
                        fonts.add(drawing.getResources().getFont(font).getName());
                    }
                }
            }
            assertThat(fonts).containsOnly("DejaVuSans");
        }
    }

    @Test
    void givesTheSameBytesEachTimeForADocumentWithCharts() {
        String charts = document("Charts", indicatorChart().markup() + new StatusChart("North Network", List.of(
                new Quarter("2026/27 Q1", false, 2, 3, 4, 1, 0, 0))).draw("status-chart").markup());

        assertThat(render(charts, "Charts")).isEqualTo(render(charts, "Charts"));
    }

    @Test
    void numbersEveryPageOnceThroughAllItsParts() throws IOException {
        List<String> pages = pageTexts(inParts);

        assertThat(pages).hasSizeGreaterThan(PLANS + 1);
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).as("page %d", page).contains("Page " + page + " of " + pages.size());
            assertThat(PAGE_NUMBER.matcher(pages.get(page - 1)).results())
                    .as("page %d's numbers: the document's own footer is left out", page).hasSize(1);
        }
    }

    @Test
    void laysOutInPartsTheSamePagesAsInOne() throws IOException {
        byte[] inOne = renderer.render(packOfPlans(), TITLE, new PdfRenderer.Parts("no-such-class", 2));

        assertThat(pageTexts(inParts)).isEqualTo(pageTexts(inOne));
    }

    @Test
    void isOneTaggedPdfHoldingEveryPartsContentInItsStructure() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(inParts)) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("en-GB");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(TITLE);
            assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8)).contains(TITLE);
            PDStructureTreeRoot structure = catalog.getStructureTreeRoot();
            assertThat(elements(structure, "H3")).as("each plan's heading").hasSize(PLANS);
            for (PDPage page : pdf.getPages()) {
                assertThat(structure.getParentTree().getValue(page.getStructParents()))
                        .as("the structure of page %d's content", pdf.getPages().indexOf(page) + 1).isNotNull();
            }
        }
    }

    @Test
    void keepsAFiguresAlternateTextInALaterPart() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(inParts)) {
            assertThat(elements(pdf.getDocumentCatalog().getStructureTreeRoot(), "Figure")).singleElement()
                    .satisfies(figure -> assertThat(figure.getAlternateDescription())
                            .isEqualTo(indicatorChart().textAlternative()));
        }
    }

    @Test
    void printsThePageNumbersAsArtifactsThatScreenReadersPassOver() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(inParts)) {
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(pdf.getPage(page - 1));
                String number = "Page " + page + " of " + pdf.getNumberOfPages();
                assertThat(extractor.getMarkedContents()).filteredOn(content -> textOf(content).equals(number))
                        .singleElement().extracting(PDMarkedContent::getTag).isEqualTo("Artifact");
            }
        }
    }

    @Test
    void pointsALinkToAPlanInAnotherPartAtThatPlansReturn() throws IOException {
        List<String> pages = pageTexts(inParts);
        try (PDDocument pdf = Loader.loadPDF(inParts)) {
            for (int plan = 1; plan <= PLANS; plan++) {
                String name = "Plan " + plan;
                PDAnnotationLink link = links(pdf.getPage(0)).stream()
                        .filter(each -> name.equals(each.getContents())).findFirst().orElseThrow();
                PDPageDestination target = (PDPageDestination) ((PDActionGoTo) link.getAction()).getDestination();
                assertThat(pages.get(pdf.getPages().indexOf(target.getPage()))).as(name)
                        .startsWith(name + "'s return");
            }
        }
    }

    @Test
    void givesTheSameBytesEachTimeInParts() {
        assertThat(render(packOfPlans(), TITLE)).isEqualTo(inParts);
    }

    @Test
    void refusesADocumentThatIsNotWellFormedXhtml() {
        String unclosed = document("Broken", "<p>Line one<br>Line two</p>");

        assertThatThrownBy(() -> render(unclosed, "Broken pack"))
                .isInstanceOf(PdfRenderingException.class)
                .hasMessageStartingWith("Could not render \"Broken pack\" as PDF: ")
                .hasMessageContaining("\"br\"");
    }

    @Test
    void leavesNoFileBehindInTheTemporaryDirectoryWhetherItRendersOrFails() throws IOException {
        Set<Path> before = temporaryFiles();

        render(packOfPlans(), TITLE);
        assertThatThrownBy(() -> render(document("Broken", "<p>Line one<br>Line two</p>"), "Broken pack"))
                .isInstanceOf(PdfRenderingException.class);

        assertThat(temporaryFiles()).isEqualTo(before);
    }

    /** The files a rendering writes while it runs: its scratch files (PDFBox's) and the PDF it saves. */
    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("(PDFBox.*\\.tmp|pdf-.*\\.pdf)"))
                    .collect(Collectors.toSet());
        }
    }

    private static byte[] render(String xhtml, String title) {
        return renderer.render(xhtml, title, PLANS_OF_TWO);
    }

    /** Sixty rows of several lines each. */
    private static byte[] longTable() {
        String rows = IntStream.rangeClosed(1, 60)
                .mapToObj(row -> "<tr><td>Plan " + row + "</td><td>Starts " + row + ". " + "Progress words. ".repeat(20)
                        + "Ends " + row + ".</td></tr>")
                .collect(Collectors.joining());
        return render(document("Rows", "<table><thead><tr><th>Plan</th><th>Update</th></tr></thead><tbody>"
                + rows + "</tbody></table>"), "Rows");
    }

    private static String document(String title, String body) {
        return document(title, CSS, body);
    }

    private static String document(String title, String css, String body) {
        return """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
                <head><title>%s</title><meta name="subject" content="Papers for the meeting"/><style>%s</style></head>
                <body>%s</body>
                </html>
                """.formatted(title, css, body);
    }

    /**
     * A pack of {@value #PLANS} plans: a summary linking to each plan's return, then the returns, each starting a
     * page and running onto a second or third; plan 6's with a chart.
     */
    private static String packOfPlans() {
        String summary = IntStream.rangeClosed(1, PLANS)
                .mapToObj(plan -> "<tr><td><a href=\"#plan-" + plan + "\">Plan " + plan
                        + "</a></td><td>▲ Amber</td></tr>")
                .collect(Collectors.joining());
        String returns = IntStream.rangeClosed(1, PLANS)
                .mapToObj(plan -> "<article class=\"plan\" id=\"plan-" + plan + "\"><h3>Plan " + plan + "'s return</h3>"
                        + (plan == 6 ? indicatorChart().markup() : "")
                        + IntStream.rangeClosed(1, 4 + plan % 3).mapToObj(n -> "<p>" + paragraph(n) + "</p>")
                                .collect(Collectors.joining())
                        + "</article>")
                .collect(Collectors.joining());
        return document("Draft title", CSS + PLAN_CSS, "<h1>North Network meeting pack</h1>"
                + "<section id=\"summary\"><h2>Summary</h2><table><thead><tr><th>Plan</th><th>Status</th></tr></thead>"
                + "<tbody>" + summary + "</tbody></table></section>"
                + "<section id=\"returns\"><h2>Each plan's return</h2>" + returns + "</section>");
    }

    /** An officer's long pasted update: about 5,000 characters in six paragraphs. */
    private static String longText() {
        return IntStream.rangeClosed(1, 6).mapToObj(n -> "<p>" + paragraph(n) + "</p>").collect(Collectors.joining());
    }

    private static String paragraph(int n) {
        return "Paragraph " + n + ": "
                + "The contractor has finished the groundworks and the scaffolding is up. ".repeat(12);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }

    private static Svg indicatorChart() {
        return new IndicatorChart("NI 1", "People who get on well together", "%", true, "74.6",
                Map.of("2026/27", "78"), List.of(new PeriodValue("2025/26 Q4", "74.6"),
                        new PeriodValue("2026/27 Q1", "76"), new PeriodValue("2026/27 Q2", "77.5")))
                .draw("chart-ni-1");
    }

    private static List<PDStructureElement> figures(PDStructureNode node) {
        return elements(node, "Figure");
    }

    private static List<PDStructureElement> elements(PDStructureNode node, String type) {
        List<PDStructureElement> found = new ArrayList<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (element.getStructureType().equals(type)) {
                    found.add(element);
                }
                found.addAll(elements(element, type));
            }
        }
        return found;
    }

    private static List<PDAnnotationLink> links(PDPage page) throws IOException {
        List<PDAnnotationLink> links = new ArrayList<>();
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link) {
                links.add(link);
            }
        }
        return links;
    }

    private static String textOf(PDMarkedContent content) {
        StringBuilder text = new StringBuilder();
        for (Object each : content.getContents()) {
            if (each instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (each instanceof PDMarkedContent inner) {
                text.append(textOf(inner));
            }
        }
        return text.toString();
    }

    private static long pixelsOf(BufferedImage image, Color colour) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String idOf(PDDocument pdf) {
        return pdf.getDocument().getTrailer().getCOSArray(COSName.ID).toString();
    }
}
