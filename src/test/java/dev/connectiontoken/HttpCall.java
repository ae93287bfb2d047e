package dev.connectiontoken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to the running service exactly as a client would, down to a missing {@code Content-Type} or raw bytes
 * on the socket, which Spring's test clients normalise away.
 */
public final class HttpCall {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private HttpCall() {}

    /** Sends {@code method path} with an optional Content-Type and body; {@code null} leaves either out. */
    public static HttpResponse<String> send(int port, String method, String path, String contentType, String body) {
        return send(request(port, method, path, contentType, body));
    }

    /** The request {@link #send(int, String, String, String, String)} sends, ready for more headers. */
    public static HttpRequest.Builder request(int port, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        (body != null)
                                ? HttpRequest.BodyPublishers.ofString(body)
                                : HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** A POST with no body to the service, ready for headers: {@code send(HttpCall.to(port, path).header(..))}. */
    public static HttpRequest.Builder to(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body) {
        return send(port, "POST", path, contentType, body);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Writes raw bytes on a fresh connection and returns the whole answer (the server closes after it). A server that
     * answers and closes before it has read all of a large request breaks the pipe under the write: the answer it sent
     * is still read.
     */
    public static String raw(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException ex) {
                writeFailure = ex;
            }
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                if (writeFailure != null) {
                    ex.addSuppressed(writeFailure);
                }
                throw ex;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static JsonNode json(String body) {
        return mapper.readTree(body);
    }
}
