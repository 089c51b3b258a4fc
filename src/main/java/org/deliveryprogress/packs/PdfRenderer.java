package org.deliveryprogress.packs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a complete XHTML document, such as a meeting pack's page, into an accessible PDF (tagged, PDF/UA) with
 * DejaVu Sans embedded, so that dashes, bullets, curly quotes and the status symbols ▲ ▼ ● ■ ★ ✔ ✖ ↑ ↓ → print
 * as they show on screen: the PDF's own base-14 fonts have none of them.
 * <p>
 * The caller owns the document and must give:
 * <ul>
 * <li>well-formed XHTML: Thymeleaf's HTML output does, as long as the template closes its void elements
 * ({@code <br/>}, {@code <meta .../>}) and uses characters or numeric references instead of HTML's named entities
 * ({@code &nbsp;} is not XML); the text Thymeleaf inserts is escaped and stays text;</li>
 * <li>{@code <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">}: the language becomes the PDF's, for
 * screen readers (without it the renderer declares "EN-US");</li>
 * <li>{@code <meta name="subject" content="..."/>} in the head: the description that PDF/UA asks for beside the
 * title (without it the renderer logs that the PDF is not PDF/UA compliant);</li>
 * <li>everything inline: styles in a {@code <style>} element, images as {@code data:} URIs, drawings such as the
 * charts as inline {@code <svg>} elements (no script in them runs). Nothing else is fetched, so the server reads no
 * file and calls no address a document names, and the same document always gives the same PDF;</li>
 * <li>for each {@code <svg>}, a {@code <title>} and {@code <desc>} (or an {@code alt} attribute): they become the
 * figure's alternate text, which PDF/UA asks for. The SVG's own text is drawn as shapes, which no reader
 * extracts: to have the figures as text in the PDF too, print them beside the chart;</li>
 * <li>this CSS, or its equivalent:
 * <pre>
 * &#64;page { size: A4; margin: 18mm 15mm; }
 * body { font-family: "DejaVu Sans"; }
 * table { -fs-table-paginate: paginate; }
 * tr { page-break-inside: avoid; }
 * </pre>
 * DejaVu Sans, regular, bold and italic, is the only font there is; {@code -fs-table-paginate} repeats a table's
 * {@code <thead>} on each page it runs onto, and {@code page-break-inside} keeps each row on one page.</li>
 * </ul>
 * The same document and title always give the same bytes: the PDF carries no date, and its ID is made from
 * them, so that a frozen pack comes back byte for byte.
 */
@Component
class PdfRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    static {
        // Its default logger writes to stderr through a handler of its own, which no logging level reaches.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private final byte[] regular = font("DejaVuSans.ttf");
    private final byte[] bold = font("DejaVuSans-Bold.ttf");
    private final byte[] oblique = font("DejaVuSans-Oblique.ttf");

    /**
     * The document as a PDF, whose title (the PDF's metadata, which readers show instead of the file name) is
     * {@code title}, whatever the document's own {@code <title>} says.
     *
     * @throws PdfRenderingException if the document is not well-formed XHTML or cannot be laid out
     */
    public byte[] render(String xhtml, String title) {
        return render(xhtml, title, true);
    }

    /**
     * As {@link #render(String, String)}, tagged for assistive technology (PDF/UA) or not. Tagging a document of a
     * thousand pages doubles the time and more than doubles the memory of rendering it, so the caller decides.
     */
    byte[] render(String xhtml, String title, boolean tagged) {
        try (PdfBoxRenderer renderer = builder(xhtml, tagged).buildPdfRenderer()) {
            renderer.setListener(new TitleSetter(title));
            try (PDDocument document = renderer.createPDFKeepOpen()) {
                // The renderer stamps the time of rendering, which would make every rendering of a pack differ.
                document.getDocumentInformation().setCreationDate(null);
                document.setDocumentId(idOf(xhtml, title));
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                document.save(pdf);
                return pdf.toByteArray();
            }
        } catch (IOException | RuntimeException e) {
            throw new PdfRenderingException("Could not render \"" + title + "\" as PDF: " + e.getMessage(), e);
        }
    }

    private PdfRendererBuilder builder(String xhtml, boolean tagged) {
        return new PdfRendererBuilder()
                .withHtmlContent(xhtml, null)
                .useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                .useFont(() -> new ByteArrayInputStream(oblique), FONT_FAMILY, 400, FontStyle.ITALIC, true)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useSVGDrawer(new AccessibleSvgDrawer())
                .usePdfUaAccessibility(tagged);
    }

    /** The seed of the PDF's ID, which would otherwise be the time of saving. */
    private static long idOf(String xhtml, String title) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(title.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(xhtml.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the classpath's fonts/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
