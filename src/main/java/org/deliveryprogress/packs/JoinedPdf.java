package org.deliveryprogress.packs;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;

/**
 * A document's parts, each rendered as a tagged PDF, joined in order into one. PDFBox's merger keeps one structure
 * tree (each part's Document element becomes a Part of one Document) and takes the first part's title (in the
 * information and the XMP metadata), language, MarkInfo and viewer preferences, which all parts share. Once every
 * part is in, links from one part to another point to their target and the pages are numbered through.
 */
final class JoinedPdf implements Closeable {

    /** Where an element begins in its part: the page from 0, and its top in points from the page's foot. */
    record Target(int page, int top) {
    }

    /** A part as rendered: its PDF and where the elements other parts link to begin in it. */
    record Part(PDDocument pdf, Map<String, Target> targets) {
    }

    /** Its streams (the pages' contents, the charts, the fonts) in a scratch file, as the parts' are, not the heap. */
    private final PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDFMergerUtility merger = new PDFMergerUtility();
    private final Map<String, Target> targets = new HashMap<>();

    /** Appends the part's pages and structure, and closes it. */
    void append(Part part) throws IOException {
        try (PDDocument source = part.pdf()) {
            int first = pdf.getNumberOfPages();
            merger.appendDocument(pdf, source);
            part.targets().forEach((id, target) -> targets.put(id, new Target(first + target.page(), target.top())));
        }
    }

    /**
     * Saves the joined PDF into the file, its pages numbered in the TrueType font {@code numbersFont}, its ID
     * {@code id}, without the parts' creation date.
     */
    void save(Path file, byte[] numbersFont, long id) throws IOException {
        pointLinksBetweenParts();
        PageNumbers.stamp(pdf, PDType0Font.load(pdf, new ByteArrayInputStream(numbersFont), true));
        pdf.getDocumentInformation().setCreationDate(null);
        pdf.setDocumentId(id);
        pdf.save(file.toFile());
    }

    @Override
    public void close() throws IOException {
        pdf.close();
    }

    /** Each link to another part goes to its target as a link within a part does: to the page, at the target's top. */
    private void pointLinksBetweenParts() throws IOException {
        // By index from a list: the page tree finds a page by number by walking its pages, each time.
        List<PDPage> pages = new ArrayList<>(pdf.getNumberOfPages());
        pdf.getPages().forEach(pages::add);
        for (PDPage page : pages) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
                        && uri.getURI().startsWith(DocumentParts.OTHER_PART)) {
                    Target target = targets.get(uri.getURI().substring(DocumentParts.OTHER_PART.length()));
                    if (target == null) {
                        // Not laid out (hidden, say): as a link to it within a part, it goes nowhere.
                        link.setAction(null);
                        continue;
                    }
                    PDPageXYZDestination destination = new PDPageXYZDestination();
                    destination.setPage(pages.get(target.page()));
                    destination.setTop(target.top());
                    PDActionGoTo goTo = new PDActionGoTo();
                    goTo.setDestination(destination);
                    link.setAction(goTo);
                }
            }
        }
    }
}
