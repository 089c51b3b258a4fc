package org.deliveryprogress.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

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
 * DejaVu Sans, regular, bold and italic, is the only font there is (without its table of ligatures, which PDFBox
 * would apply to every run of text at 18% of a pack's Java time: see {@code fonts/DejaVu-LICENSE.txt});
 * {@code -fs-table-paginate} repeats a table's {@code <thead>} on each page it runs onto, and
 * {@code page-break-inside} keeps each row on one page. The foot of each page, its middle 20 mm or so, is the
 * renderer's: it numbers the pages there, "Page N of M" (see {@link PageNumbers}), and leaves out a footer of the
 * document's own ({@code @bottom-center} in {@code @page}).</li>
 * </ul>
 * The document is rendered in {@link Parts}, on a small pool of threads, each part a tagged PDF laid out as a
 * document of its own ({@link DocumentParts}, {@link PartRenderer}), then joined ({@link JoinedPdf}): the renderer
 * lays out a whole document before writing any of it, and a tagged pack of a thousand pages in one piece needs more
 * than a 512 MB heap and both cores' worth of time on one. Since a part cannot count the pages of the others, the
 * renderer numbers the joined pages itself.
 * <p>
 * What a PDF holds that is not its objects (the pages' contents, the charts, the fonts) is kept in scratch files
 * while it is rendered, and the joined PDF is saved to a file before it is read: a tagged pack of a thousand plans
 * holds about 170 MB of objects, its structure tree mostly, and needs the rest of the heap for its parts. The files
 * are in the JVM's temporary directory ({@code java.io.tmpdir}) and deleted when the PDF is made.
 * <p>
 * The same document and title always give the same bytes: the PDF carries no date, and its ID is made from
 * them, so that a frozen pack comes back byte for byte.
 */
@Component
class PdfRenderer implements DisposableBean {

    /**
     * Where a document is cut to be rendered in parts side by side: before elements of class {@code startClass},
     * each of which must start a new page ({@code page-break-before: always}). What comes before the first of them is
     * a part of its own, then {@code size} of them make a part, the last part taking what follows the last of them;
     * a document without them is one part.
     */
    record Parts(String startClass, int size) {

        Parts {
            if (size < 1) {
                throw new IllegalArgumentException("A part holds one element of class " + startClass + " at least");
            }
        }
    }

    /**
     * Parts rendered at once, whatever the number of documents being rendered: each holds its layout in memory until
     * it is written, and two keep both cores of the server busy.
     */
    private static final int PARTS_AT_ONCE = 2;
    /**
     * Parts of one document queued or rendered but not yet joined, each rendered one holding its PDF (a few MB) until
     * then: enough that while one thread renders the first part, a pack's longest (its summary and exceptions), the
     * other carries on with the next ones.
     */
    private static final int PARTS_AHEAD = 6;

    private final byte[] regular = font("DejaVuSans.ttf");
    private final PartRenderer partRenderer = new PartRenderer(regular, font("DejaVuSans-Bold.ttf"),
            font("DejaVuSans-Oblique.ttf"));
    private final ExecutorService workers = Executors.newFixedThreadPool(PARTS_AT_ONCE, new PartThreads());

    /**
     * The document as a PDF, whose title (the PDF's metadata, which readers show instead of the file name) is
     * {@code title}, whatever the document's own {@code <title>} says; rendered in {@code parts}, side by side, then
     * joined.
     *
     * @throws PdfRenderingException if the document is not well-formed XHTML or cannot be laid out
     */
    byte[] render(String xhtml, String title, Parts parts) {
        // Hashed first: the hash copies the document, which at the end would meet the joined PDF at its largest.
        long id = idOf(xhtml, title);
        Path file = null;
        try {
            file = Files.createTempFile("pdf-", ".pdf");
            renderInto(file, xhtml, title, parts, id);
            // Read once the joined PDF is gone, and at its size: saved to an array, it would double it as it grows.
            return Files.readAllBytes(file);
        } catch (ExecutionException e) {
            throw failure(title, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(title, e);
        } catch (IOException | SAXException | RuntimeException e) {
            throw failure(title, e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** Renders the parts, side by side, and saves them joined into the file. */
    private void renderInto(Path file, String xhtml, String title, Parts parts, long id)
            throws IOException, SAXException, ExecutionException, InterruptedException {
        Deque<CompletableFuture<JoinedPdf.Part>> rendering = new ArrayDeque<>();
        try (JoinedPdf joined = new JoinedPdf()) {
            DocumentParts document = DocumentParts.of(xhtml, parts);
            int next = 0;
            for (int part = 0; part < document.count(); part++) {
                for (; next < document.count() && next < part + PARTS_AHEAD; next++) {
                    Document dom = document.part(next);
                    Set<String> targets = document.targetsIn(next);
                    rendering.add(CompletableFuture.supplyAsync(() -> renderPart(dom, targets, title), workers));
                }
                joined.append(rendering.remove().get());
            }
            joined.save(file, regular, id);
        } finally {
            rendering.forEach(PdfRenderer::discard);
        }
    }

    /**
     * Stops rendering: parts not begun are dropped, and those being rendered are waited for, so that those that will
     * not be joined have closed their PDFs and their scratch files are gone.
     */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(1, TimeUnit.MINUTES);
    }

    private JoinedPdf.Part renderPart(Document dom, Set<String> targets, String title) {
        try {
            return partRenderer.render(dom, targets, title);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Closes the PDF of a part that will not be joined, now or once it is rendered: its streams are in a scratch
     * file, which only closing deletes. A part that fails closes its own.
     */
    private static void discard(CompletableFuture<JoinedPdf.Part> part) {
        part.thenAccept(rendered -> {
            try {
                rendered.pdf().close();
            } catch (IOException e) {
                // Closed as far as it can be: nothing else holds it.
            }
        });
    }

    private static PdfRenderingException failure(String title, Throwable cause) {
        return new PdfRenderingException("Could not render \"" + title + "\" as PDF: " + cause.getMessage(), cause);
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

    static byte[] font(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the classpath's fonts/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pool's threads, named for thread dumps; they do not keep the JVM running. */
    private static final class PartThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "pdf-part-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
