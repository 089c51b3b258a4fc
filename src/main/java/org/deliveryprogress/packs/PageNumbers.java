package org.deliveryprogress.packs;

import java.io.IOException;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * "Page N of M" at the foot of every page of a PDF, centred, in 8 pt, where a pack's {@code @page} footer has it: in
 * the middle of a 20 mm bottom margin. Each is a pagination artifact, which screen readers pass over, as PDF/UA
 * asks of page numbers.
 */
final class PageNumbers {

    private static final float SIZE = 8;
    /** The baseline's height above the page's foot, in points: the line centred 10 mm up. */
    private static final float BASELINE = 25.6f;

    private PageNumbers() {
    }

    static void stamp(PDDocument pdf, PDFont font) throws IOException {
        COSDictionary pagination = new COSDictionary();
        pagination.setName(COSName.TYPE, "Pagination");
        pagination.setName(COSName.SUBTYPE, "Footer");
        int count = pdf.getNumberOfPages();
        int number = 0;
        for (PDPage page : pdf.getPages()) {
            number++;
            String text = "Page " + number + " of " + count;
            PDRectangle box = page.getMediaBox();
            float width = font.getStringWidth(text) / 1000 * SIZE;
            // Appended in a graphics state of its own: whatever the page's content left set does not move it.
            try (PDPageContentStream foot = new PDPageContentStream(pdf, page, AppendMode.APPEND, true, true)) {
                foot.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                foot.beginText();
                foot.setFont(font, SIZE);
                foot.newLineAtOffset(box.getLowerLeftX() + (box.getWidth() - width) / 2,
                        box.getLowerLeftY() + BASELINE);
                foot.showText(text);
                foot.endText();
                foot.endMarkedContent();
            }
        }
    }
}
