package org.deliveryprogress.charts;

import org.springframework.stereotype.Component;

/**
 * The charts' fonts read as the application starts, not when its first chart is drawn. Java registers a shutdown hook
 * the first time it reads a font from a stream, and cannot once the JVM is shutting down ("Problem reading font
 * data."): a node stopped while a meeting pack's job drew its first chart failed that try.
 */
@Component
class FontsLoadedAtStart {

    FontsLoadedAtStart() {
        ChartSvg.regular(1);
    }
}
