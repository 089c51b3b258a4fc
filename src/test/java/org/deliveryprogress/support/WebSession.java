package org.deliveryprogress.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session without the browser: cookies kept, CSRF tokens sent back, redirects not followed. Signs in to
 * the application's pages or to one of Camunda's webapps as a demo user.
 */
public final class WebSession {

    public record Page(int status, String body, String location, HttpHeaders headers) {

        /** The header's first value, if the answer has it. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** What a browser accepts: a refusal then comes as the error page rather than JSON. */
    /** Where a forged request comes from, as a browser names another site's page in its Origin header. */
    public static final String ANOTHER_SITE = "https://elsewhere.example";
    private static final String AS_A_BROWSER = "text/html,application/xhtml+xml";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signed in as Tasklist signs in; then, as Tasklist does, a first read, which gives the session its token. */
    public static WebSession signedInToTasklist(int port, String user) {
        WebSession session = new WebSession(port);
        assertThat(session.signInToCamunda(user, "tasklist")).as(user + " signs in to Tasklist").isEqualTo(200);
        assertThat(session.camundaApi("GET", "/task?assignee=" + user, null).status()).isEqualTo(200);
        return session;
    }

    /** Signed in at the application's sign-in page, which sends the user on rather than back with an error. */
    public static WebSession signedInToPages(int port, String user) {
        WebSession session = new WebSession(port);
        Page signedIn = session.signIn(user);
        assertThat(signedIn.status()).as(user + " signs in").isEqualTo(302);
        assertThat(signedIn.location()).as(user + " signs in").doesNotContain("error");
        return session;
    }

    /** Signs in at the application's sign-in page; answers where it sends the user (the page asked for, or back). */
    public Page signIn(String user) {
        Page form = get("/login");
        return postForm("/login", Map.of("username", user, "password", Http.DEMO_PASSWORD, "_csrf",
                csrfTokenIn(form.body())));
    }

    /** Signs in to a Camunda webapp (tasklist, cockpit, admin); answers the status of Camunda's sign-in. */
    public int signInToCamunda(String user, String app) {
        return signInToCamunda(user, Http.DEMO_PASSWORD, "default", app).status();
    }

    /**
     * As a webapp's sign-in page does: the app's page first, for the CSRF cookie, then the form with its token.
     * Answers Camunda's answer (the signed-in user as JSON).
     */
    public Page signInToCamunda(String user, String password, String engine, String app) {
        get("/camunda/app/" + app + "/" + engine + "/");
        String token = cookie("XSRF-TOKEN");
        if (token.isEmpty()) {
            throw new AssertionError("Camunda's " + app
                    + " page set no XSRF-TOKEN cookie: its sign-in would be refused");
        }
        return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password)))));
    }

    /**
     * A call to the default engine's API as a signed-in webapp makes it: JSON, with the CSRF token of the session.
     */
    public Page camundaApi(String method, String path, String json) {
        return send(camundaApiRequest(method, path, json).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
    }

    /** A JSON post to the path exactly as given (no encoding added), with the session's CSRF token. */
    public Page postJson(String rawPath, String json) {
        return send(HttpRequest.newBuilder(uri(rawPath)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** The same call as a page of another site could make it with the session's cookie: no CSRF token. */
    public Page camundaApiWithoutCsrfToken(String method, String path, String json) {
        return send(camundaApiRequest(method, path, json));
    }

    /** The same call as a browser sends it from a page of another site: no CSRF token, and where it comes from. */
    public Page camundaApiFromAnotherSite(String method, String path, String json) {
        return send(camundaApiRequest(method, path, json).header("Origin", ANOTHER_SITE)
                .header("Sec-Fetch-Site", "cross-site"));
    }

    /** A call to the project's Tasklist plugin as its script makes it, with the session's CSRF token or without. */
    public Page tasklistPluginApi(String method, String path, String json, boolean withCsrfToken) {
        HttpRequest.Builder request = camundaRequest("/camunda/api/tasklist/plugin/delivery-progress/default" + path,
                method, json);
        return send(withCsrfToken ? request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")) : request);
    }

    private HttpRequest.Builder camundaApiRequest(String method, String path, String json) {
        return camundaRequest("/camunda/api/engine/engine/default" + path, method, json);
    }

    private HttpRequest.Builder camundaRequest(String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    /** A download's bytes as the server sent them (a PDF, a stored page). */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The page a redirect the application answered leads to, as a browser follows it. */
    public Page follow(Page redirect) {
        return get(redirect.location().replace("http://localhost:" + port, ""));
    }

    /** As a browser asks for a page, so that a refusal comes as the error page rather than JSON. */
    public Page getPage(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", AS_A_BROWSER).GET());
    }

    /** Posts a page's form: the CSRF token is taken from the page it came from. */
    public Page postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Posts a form as a browser does from the page it is on: asking for HTML, and naming that page as its Referer. */
    public Page postFormFromPage(String page, String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", AS_A_BROWSER).header("Referer", uri(page).toString())
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /**
     * Posts a file-upload form (multipart/form-data) as a browser does from the page it is on: text fields, then files
     * by field name.
     */
    public Page postMultipart(String page, String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----delivery-progress-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", AS_A_BROWSER).header("Referer", uri(page).toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public static String csrfTokenIn(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(cookie -> cookie.getValue()).findFirst().orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
