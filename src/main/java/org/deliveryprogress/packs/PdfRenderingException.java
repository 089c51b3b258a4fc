package org.deliveryprogress.packs;

/** A document that could not be turned into a PDF: not well-formed XHTML, or a failure inside the renderer. */
final class PdfRenderingException extends RuntimeException {

    PdfRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
