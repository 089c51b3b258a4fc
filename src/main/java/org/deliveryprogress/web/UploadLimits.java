package org.deliveryprogress.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** What an upload over spring.servlet.multipart's limits is told, by the API and the pages alike. */
@Component
class UploadLimits {

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    UploadLimits(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    /** Tomcat does not say which limit was passed, so the refusal gives both. */
    String tooLarge() {
        return "The upload is too large: a file may be at most " + maxFileSize.toMegabytes() + " MB, and all the "
                + "files sent at once at most " + maxRequestSize.toMegabytes() + " MB. Split the file, or leave out "
                + "what is not needed.";
    }
}
