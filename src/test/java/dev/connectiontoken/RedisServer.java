package dev.connectiontoken;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, for the shared rate-limit tests. If the
 * package is missing and the tests run as root, as on a fresh CI machine, it is installed first.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";

    private final Process process;

    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start() {
        installIfMissing();
        int port = freePort();
        try {
            Process process = new ProcessBuilder(List.of(
                            BINARY,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
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
        throw new IllegalStateException("redis-server did not start listening on port " + this.port);
    }

    private static void installIfMissing() {
        if (new File(BINARY).canExecute()) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("redis-server is missing: install Debian's redis-server package");
        }
        run("apt-get", "update", "-qq");
        run("apt-get", "install", "-y", "-qq", "redis-server");
    }

    private static void run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
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
