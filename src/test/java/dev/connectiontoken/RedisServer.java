package dev.connectiontoken;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server on a free loopback port, for the shared rate-limit tests, with nothing to install. The binary is,
 * in order: the one named by the {@code REDIS_SERVER} environment variable; the one shipped for this operating system
 * and architecture inside the {@code embedded-redis} test dependency (Linux, macOS and Windows, x86-64 and arm64);
 * {@code redis-server} on the {@code PATH}. With none of them the tests are skipped, or fail under
 * {@link TestEnvironment#STRICT}.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;

    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start() {
        Optional<Path> binary = binary();
        TestEnvironment.require(
                binary.isPresent(),
                "no Redis server binary for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " in embedded-redis and none on the PATH (or REDIS_SERVER names no executable file);"
                        + " set REDIS_SERVER to a redis-server binary");
        int port = freePort();
        try {
            Process process = new ProcessBuilder(List.of(
                            binary.get().toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            RedisServer server = new RedisServer(process, port);
            server.awaitListening();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + this.port;
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            this.process.waitFor();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> binary() {
        String named = System.getenv("REDIS_SERVER");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return Optional.ofNullable(shipped()).or(RedisServer::onPath);
    }

    /** The binary embedded-redis ships for this platform, extracted to a temporary file; null where it has none. */
    private static @Nullable Path shipped() {
        try {
            File file = ExecutableProvider.newJarResourceProvider().get();
            return file.canExecute() ? file.toPath() : null;
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private static Optional<Path> onPath() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "redis-server.exe"
                : "redis-server";
        String path = System.getenv("PATH");
        return (path == null)
                ? Optional.empty()
                : Stream.of(path.split(File.pathSeparator))
                        .map((directory) -> Path.of(directory, name))
                        .filter(Files::isExecutable)
                        .findFirst();
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
                return;
            } catch (IOException ex) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("The Redis server did not start listening on port " + this.port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
