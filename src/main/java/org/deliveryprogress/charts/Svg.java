package org.deliveryprogress.charts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A chart drawn as SVG, and what it shows in words.
 *
 * @param markup          one standalone, well-formed {@code <svg>} element (its own namespace, width, height and
 *                        viewBox; {@code role="img"}, named by its {@code <title>} and described by its
 *                        {@code <desc>}), to insert as it is into an HTML page ({@code th:utext}) or an XHTML
 *                        document such as a meeting pack's: every text in it is escaped, and its ids all start with
 *                        the id the chart was drawn with
 * @param textAlternative the chart's title and every figure it draws, as plain text: for an {@code alt} attribute,
 *                        or to print beside the chart
 */
public record Svg(String markup, String textAlternative) {

    /** The same SVG as a {@code data:} URI, for an {@code <img>} where inline SVG cannot go (Camunda Forms). */
    public String dataUri() {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(markup.getBytes(StandardCharsets.UTF_8));
    }
}
