package org.deliveryprogress.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests to the running application as a demo user (password demo), or as no one; answers are never thrown. */
public final class Http {

    public static final String DEMO_PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, byte[] bytes, MediaType contentType) {

        public String body() {
            return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status + "): " + body(), e);
            }
        }
    }

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public Reply get(String user, String path, Object... uriVariables) {
        return reply(client(user).get().uri(path, uriVariables).retrieve());
    }

    /** A GET answered in HAL, as Tasklist asks for its task list: the tasks with their assignees' users embedded. */
    public Reply getHal(String user, String path, Object... uriVariables) {
        return reply(client(user).get().uri(path, uriVariables).accept(MediaType.valueOf("application/hal+json"))
                .retrieve());
    }

    /** A task's form variables as Tasklist reads them, Json values as JSON text; answered 200, or the test fails. */
    public JsonNode formVariables(String user, String taskId) {
        Reply form = get(user, "/engine-rest/task/{task}/form-variables?deserializeValues=false", taskId);
        assertThat(form.status()).as("form variables: " + form.body()).isEqualTo(200);
        return form.json();
    }

    /** A Json variable of form variables read as Tasklist reads them, its JSON text parsed. */
    public static JsonNode jsonValue(JsonNode formVariables, String name) {
        JsonNode variable = formVariables.get(name);
        assertThat(variable).as(name + " in " + formVariables.fieldNames()).isNotNull();
        assertThat(variable.get("type").asText()).as(name + "'s type").isEqualTo("Json");
        try {
            return JSON.readTree(variable.get("value").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Reply post(String user, String path, Object jsonBody, Object... uriVariables) {
        RestClient.RequestBodySpec request = client(user).post().uri(path, uriVariables);
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return reply(request.retrieve());
    }

    /** A JSON post to the path exactly as given: no encoding added, so odd spellings reach the server as written. */
    public Reply postRaw(String user, String rawPath, Object jsonBody) {
        return reply(client(user).post().uri(URI.create("http://localhost:" + port + rawPath))
                .contentType(MediaType.APPLICATION_JSON).body(jsonBody).retrieve());
    }

    public Reply put(String user, String path, Object jsonBody, Object... uriVariables) {
        return reply(client(user).put().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON)
                .body(jsonBody).retrieve());
    }

    public Reply delete(String user, String path, Object... uriVariables) {
        return reply(client(user).delete().uri(path, uriVariables).retrieve());
    }

    public Reply postBytes(String user, String path, MediaType type, byte[] content, Object... uriVariables) {
        return reply(client(user).post().uri(path, uriVariables).contentType(type).body(content).retrieve());
    }

    /** A multipart upload of files by part name, as a browser's form or curl -F sends them. */
    public Reply upload(String user, String path, Map<String, byte[]> files, Object... uriVariables) {
        return upload(user, path, files, Map.of(), uriVariables);
    }

    /** Files, and text fields beside them, as a form sends them (or curl's {@code -F name=<file}, a file's text). */
    public Reply upload(String user, String path, Map<String, byte[]> files, Map<String, String> texts,
            Object... uriVariables) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name + ".csv";
            }
        }));
        texts.forEach(parts::add);
        return reply(client(user).post().uri(path, uriVariables).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve());
    }

    /**
     * A POST whose answer is read while its body is still being sent, as curl and browsers read it. A server may
     * answer before it has read the whole body and then close the connection, as Tomcat does after refusing an upload
     * as too large; the JDK's client then fails on the body it cannot send and drops the answer. HTTP/1.0, so that
     * the answer is the rest of the connection.
     */
    public Reply postAnsweredEarly(String user, String path, MediaType type, byte[] content) {
        String head = "POST " + path + " HTTP/1.0\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            Thread sending = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(content);
                    out.flush();
                } catch (IOException stoppedReading) {
                    // The server answered without reading the rest: the answer says why.
                }
            });
            sending.start();
            byte[] answer = readUntilClosed(socket.getInputStream());
            sending.join();
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All the server sent, also when it reset the connection after its answer (as it does with a body unread). */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toByteArray();
    }

    private static Reply parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        String[] head = text.substring(0, bodyStart - 4).split("\r\n");
        MediaType contentType = Arrays.stream(head)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(line -> MediaType.parseMediaType(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst().orElse(null);
        return new Reply(Integer.parseInt(head[0].split(" ")[1]), Arrays.copyOfRange(answer, bodyStart,
                answer.length), contentType);
    }

    private RestClient client(String user) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(user, DEMO_PASSWORD));
        }
        return builder.build();
    }

    private static Reply reply(RestClient.ResponseSpec spec) {
        ResponseEntity<byte[]> entity = spec.onStatus(HttpStatusCode::isError, (request, response) -> {
        }).toEntity(byte[].class);
        return new Reply(entity.getStatusCode().value(), entity.getBody(), entity.getHeaders().getContentType());
    }
}
