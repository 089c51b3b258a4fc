package org.deliveryprogress.support;

import java.net.URI;
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
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name + ".csv";
            }
        }));
        return reply(client(user).post().uri(path, uriVariables).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve());
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
