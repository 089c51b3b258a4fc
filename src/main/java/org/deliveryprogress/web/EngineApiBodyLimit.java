package org.deliveryprogress.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A request to Camunda's REST API (and the webapps' API behind Tasklist and Cockpit) with a body over the limit is
 * answered 413 before anything reads it; one sent in chunks, without its length, is answered 413 when its reading
 * reaches the limit.
 * Camunda reads a body whole into memory before it checks who may send it (a deployment of 400 MB, sent by an officer
 * who may deploy nothing, took 1.6 GB of heap before its 403), and Spring's upload limits do not reach its API. The
 * largest body an officer sends, an update of three texts at their limit of 100,000 characters, is about a megabyte.
 */
@Configuration(proxyBeanMethods = false)
class EngineApiBodyLimit {

    private static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/*"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineApiBodiesLimited(
            @Value("${delivery-progress.engine-api.max-request-size}") DataSize limit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        long length = request.getContentLengthLong();
                        if (length > limit.toBytes()) {
                            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request's body is "
                                    + megabytes(length) + " MB; this API takes at most " + megabytes(limit
                                            .toBytes()) + " MB.");
                            return;
                        }
                        chain.doFilter(length < 0 ? new LimitedBody(request, limit.toBytes()) : request,
                                response);
                    }
                });
        registration.addUrlPatterns(ENGINE_APIS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Rounded up to a tenth, so that a body just over the limit is not said to be the limit: 5.1, 6. */
    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(DataSize.ofMegabytes(1).toBytes()), 1,
                RoundingMode.UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A body of unknown length that ends in an error once it has given the limit's bytes: an error that Camunda's
     * APIs (Jersey) answer with its own response, a 413 as for a body whose length is said, where an IOException
     * was answered 500 by Camunda's mapper, with a WARN and its stack.
     */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    count(next < 0 ? 0 : 1);
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    count(Math.max(count, 0));
                    return count;
                }

                private void count(int bytes) throws IOException {
                    read += bytes;
                    if (read > limit) {
                        throw new WebApplicationException(Response.status(HttpStatus.PAYLOAD_TOO_LARGE.value())
                                .type(MediaType.TEXT_PLAIN_VALUE).entity("The request's body is over the "
                                        + megabytes(limit) + " MB this API takes.").build());
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding())));
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write(message);
    }
}
