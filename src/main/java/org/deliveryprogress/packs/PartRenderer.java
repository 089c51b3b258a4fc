package org.deliveryprogress.packs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxBookmarkManager;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Renders one part of a document, as {@link DocumentParts} cuts it, as a tagged PDF of its own (openhtmltopdf, with
 * PDFBox), ready to be joined to the others: its fonts subset, without a page footer, and with the place of each
 * element that other parts link to. See {@link PdfRenderer} for what the document must be.
 */
final class PartRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";
    private static final String NO_PAGE_FOOTER = "@page { @bottom-center { content: none; } }";

    static {
        // Its default logger writes to stderr through a handler of its own, which no logging level reaches.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] oblique;

    /** With the TrueType files of DejaVu Sans, regular, bold and oblique. */
    PartRenderer(byte[] regular, byte[] bold, byte[] oblique) {
        this.regular = regular;
        this.bold = bold;
        this.oblique = oblique;
    }

    /** The part as a tagged PDF, and where the elements that other parts link to ({@code targets}) begin in it. */
    JoinedPdf.Part render(Document part, Set<String> targets, String title) throws IOException {
        PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        PartFont[] fonts = { new PartFont(pdf, regular), new PartFont(pdf, bold), new PartFont(pdf, oblique) };
        try (PdfBoxRenderer renderer = builder(part, pdf, fonts).buildPdfRenderer()) {
            renderer.setListener(new TitleSetter(title));
            renderer.createPDFWithoutClosing();
            for (PartFont font : fonts) {
                font.subset();
            }
            plainBackgrounds(pdf);
            return new JoinedPdf.Part(pdf, targetsIn(renderer, pdf, targets));
        } catch (Throwable e) {
            // Out of memory included: its streams are in a scratch file, which only closing deletes.
            pdf.close();
            throw e;
        }
    }

    private PdfRendererBuilder builder(Document part, PDDocument pdf, PartFont[] fonts) {
        return new PdfRendererBuilder()
                .withW3cDocument(part, null)
                .usePDDocument(pdf)
                .addDOMMutator(PartRenderer::withoutPageFooter)
                .useFont(fonts[0], FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(fonts[1], FONT_FAMILY, 700, FontStyle.NORMAL, true)
                .useFont(fonts[2], FONT_FAMILY, 400, FontStyle.ITALIC, true)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useSVGDrawer(new AccessibleSvgDrawer())
                .usePdfUaAccessibility(true);
    }

    /**
     * Where each of the targets begins, as the renderer points a link within the part to it; none for an element
     * that has no box (not displayed).
     */
    private static Map<String, JoinedPdf.Target> targetsIn(PdfBoxRenderer renderer, PDDocument pdf,
            Set<String> ids) {
        Map<String, JoinedPdf.Target> targets = new HashMap<>();
        RenderingContext context = renderer.getSharedContext().newRenderingContextInstance();
        for (String id : ids) {
            Box box = renderer.getSharedContext().getBoxById(id);
            if (box != null) {
                PDPageXYZDestination destination = PdfBoxBookmarkManager.createBoxDestination(context, pdf,
                        (PdfBoxFastOutputDevice) renderer.getOutputDevice(), renderer.getDotsPerPoint(),
                        renderer.getRootBox(), box);
                targets.put(id, new JoinedPdf.Target(pdf.getPages().indexOf(destination.getPage()),
                        destination.getTop()));
            }
        }
        return targets;
    }

    /** The renderer numbers the pages of the joined PDF itself: a part cannot count the pages of the others. */
    private static void withoutPageFooter(Document document) {
        Element head = (Element) document.getElementsByTagNameNS("*", "head").item(0);
        Element style = document.createElementNS(head.getNamespaceURI(), "style");
        style.setTextContent(NO_PAGE_FOOTER);
        head.appendChild(style);
    }

    /**
     * The renderer marks each border and shading it draws, about 140 a page of a pack, a table's cells', as a
     * background artifact with a property list of its own: its type and bounding box. Those are two thirds of a
     * tagged pack's objects, of its memory and of the time PDFBox takes to join and save it, and add half to its size.
     * They stay artifacts, which screen readers pass over, but share one empty property list: an artifact of no
     * given type needs no bounding box (ISO 32000-1, table 330).
     */
    private static void plainBackgrounds(PDDocument pdf) {
        COSDictionary plain = new COSDictionary();
        for (PDPage page : pdf.getPages()) {
            COSDictionary lists = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
            if (lists != null) {
                for (COSName name : lists.keySet()) {
                    if (lists.getDictionaryObject(name) instanceof COSDictionary list
                            && COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE))) {
                        lists.setItem(name, plain);
                    }
                }
            }
        }
    }

    /**
     * Batik's SVG drawer, which runs no script and fetches nothing, giving each inline SVG the alternate text that
     * PDF/UA asks of a figure. The renderer takes a figure's alternate text from its {@code alt} attribute only; an
     * SVG has none, and names and describes itself with its {@code <title>} and {@code <desc>}, as the charts do: so
     * those become its alternate text, unless it has an {@code alt} of its own.
     */
    private static final class AccessibleSvgDrawer extends BatikSVGDrawer {

        @Override
        public SVGImage buildSVGImage(Element svg, Box box, CssContext context, double cssWidth, double cssHeight,
                double dotsPerPixel) {
            if (!svg.hasAttribute("alt")) {
                String words = Stream.of("title", "desc").map(name -> textOf(svg, name))
                        .filter(text -> !text.isEmpty()).collect(Collectors.joining(". "));
                if (!words.isEmpty()) {
                    svg.setAttribute("alt", words);
                }
            }
            return super.buildSVGImage(svg, box, context, cssWidth, cssHeight, dotsPerPixel);
        }

        /** The text of the SVG's own child element of that name, such as its title; empty if it has none. */
        private static String textOf(Element svg, String name) {
            for (Node child = svg.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (name.equals(child.getLocalName() == null ? child.getNodeName() : child.getLocalName())) {
                    return child.getTextContent().strip();
                }
            }
            return "";
        }
    }

    /**
     * One of the fonts, loaded into a part's PDF when the renderer first asks for it. PDFBox subsets a font, keeping
     * the glyphs used, when its PDF is saved; a part's PDF is not saved but joined, so the part subsets its own.
     */
    private static final class PartFont extends PDFontSupplier {

        private final PDDocument pdf;
        private final byte[] file;
        private PDFont font;

        PartFont(PDDocument pdf, byte[] file) {
            super(null);
            this.pdf = pdf;
            this.file = file;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(pdf, new ByteArrayInputStream(file), true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }

        void subset() throws IOException {
            if (font != null) {
                font.subset();
            }
        }
    }

    /**
     * Gives the PDF its title just before the renderer writes the metadata, which it takes from the document's
     * {@code <title>}; added last, it wins. Set any later, the tagged PDF's XMP copy of the title would disagree.
     */
    private record TitleSetter(String title) implements PDFCreationListener {

        @Override
        public void preOpen(PdfBoxRenderer renderer) {
        }

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pageCount) {
            renderer.getOutputDevice().addMetadata("title", title);
        }

        @Override
        public void onClose(PdfBoxRenderer renderer) {
        }
    }
}
