package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiMode;
import com.stripe.net.HttpClient;
import com.stripe.net.StripeRequest;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What this service's own transports for stripe-java ({@link ApacheStripeHttpClient}, {@link JdkStripeHttpClient})
 * share: the headers stripe-java expects a transport to add, and failures reported the way stripe-java's retry logic
 * reads them. stripe-java keeps its retry loop, idempotency key and error mapping: a transport only sends.
 */
abstract class PooledStripeHttpClient extends HttpClient implements AutoCloseable {

    /**
     * stripe-java builds this on every call, reading Gson's pom.properties from its jar each time: the same value for
     * the life of the process, so built once.
     */
    private final String clientUserAgent = buildXStripeClientUserAgentString();

    /**
     * stripe-java builds the {@code User-Agent} on every call with {@code String.format}, after reading a dozen
     * environment variables: it depends only on the API mode, stripe-java's version and its process-wide app info
     * (which this service never sets), so it is built once per mode.
     */
    private final Map<ApiMode, String> userAgents = new ConcurrentHashMap<>();

    /**
     * Hands each of the request's headers to {@code header}, then the two that stripe-java leaves to its transport.
     * Read straight from the request: stripe-java's {@code withAdditionalHeaders} copies its case-insensitive map
     * twice, which a profile showed on every call.
     */
    final void forEachHeader(StripeRequest request, BiConsumer<String, String> header) {
        request.headers().map().forEach((name, values) -> values.forEach((value) -> header.accept(name, value)));
        header.accept(
                "User-Agent",
                this.userAgents.computeIfAbsent(request.apiMode(), (mode) -> buildUserAgentString(request)));
        header.accept("X-Stripe-Client-User-Agent", this.clientUserAgent);
    }

    /**
     * Opens up to {@code count} connections to {@code target} ahead of the first calls and keeps them in the pool.
     *
     * @return how many were opened; none by a transport that cannot open connections without a request
     */
    int openConnections(URI target, int count, Duration timeout) throws InterruptedException {
        return 0;
    }

    /** Closes the pool's connections; called once the service no longer makes calls (context shutdown). */
    @Override
    public abstract void close();

    /**
     * How long one exchange may take in all: stripe-java's connect and read timeouts together. The read timeout alone
     * bounds each wait for bytes, not a body that arrives a few bytes at a time.
     */
    static long deadlineMillis(StripeRequest request) {
        return (long) request.options().getConnectTimeout() + request.options().getReadTimeout();
    }

    /** A timeout as stripe-java retries it. */
    static SocketTimeoutException timeout(Throwable cause) {
        SocketTimeoutException timeout = new SocketTimeoutException(cause.getMessage());
        timeout.initCause(cause);
        return timeout;
    }

    /**
     * A reset or closed connection, often a pooled one the server just dropped. stripe-java retries only what it sees
     * as a connection failure; its idempotency key makes resending the POST safe.
     */
    static ConnectException connectionFailure(Throwable cause) {
        ConnectException connection = new ConnectException(String.valueOf(cause.getMessage()));
        connection.initCause(cause);
        return connection;
    }

    static ApiConnectionException failure(Exception cause) {
        // The message is stripe-java's own shape, without the API base (it may name an internal stand-in).
        return new ApiConnectionException(
                "IOException during API request to Stripe: " + cause.getClass().getSimpleName(), cause);
    }
}
