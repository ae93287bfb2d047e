import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The JVM's own floor for the first-token target (bench/floor.sh): the JDK's HTTP server answering POST
 * /connection_token with a fixed secret, no framework. Port from SERVER_PORT; with -Dfloor.exit=true it stops once
 * started.
 */
public final class JdkFloor {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] body = "{\"secret\":\"pst_test_floor\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/connection_token", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        if (Boolean.getBoolean("floor.exit")) { // training an AOT cache of its startup
            server.stop(0);
        }
    }
}
