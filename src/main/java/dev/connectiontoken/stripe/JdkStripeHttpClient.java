package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's transport on {@link java.net.http.HttpClient}: one pool of keep-alive connections, HTTP/2 where the
 * server offers it. Each exchange is handed to the client's selector thread and back, which costs more CPU per call
 * than {@link ApacheStripeHttpClient} (docs/PERFORMANCE.md); selectable for HTTP/2.
 */
final class JdkStripeHttpClient extends PooledStripeHttpClient {

    private final java.net.http.HttpClient client;

    private final ExecutorService executor = completionExecutor();

    /** @param sslContext verifies the api base; {@code null} for the JVM's default */
    JdkStripeHttpClient(Duration connectTimeout, boolean cleartext, @Nullable SSLContext sslContext) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.connectTimeout(connectTimeout)
                // h2c upgrade on cleartext (test stand-ins only) is not worth its extra round trip.
                .version(
                        cleartext ? java.net.http.HttpClient.Version.HTTP_1_1 : java.net.http.HttpClient.Version.HTTP_2)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .executor(this.executor)
                .build();
    }

    /**
     * The client's default executor is an unbounded cached pool: under load it grew to nearly 200 platform threads
     * (about 30 MB of stacks) for work that never blocks. A pool the size of the machine does the same work.
     */
    private static ExecutorService completionExecutor() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
                    Thread thread = new Thread(task, "stripe-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    // Not the request's web application class loader: the pool outlives any one request.
                    thread.setContextClassLoader(JdkStripeHttpClient.class.getClassLoader());
                    return thread;
                });
        // Idle threads end, so that nothing lingers once the client is no longer used.
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Ends the completion threads; the client's own selector thread ends once the client is unreachable (its
     * {@code close} needs JDK 21).
     */
    @Override
    public void close() {
        this.executor.shutdown();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        // HttpRequest.timeout bounds the wait for the headers only: a body that stalls after them would hang. So the
        // whole exchange gets a deadline too.
        long deadline = deadlineMillis(request);
        CompletableFuture<HttpResponse<String>> exchange =
                this.client.sendAsync(toHttpRequest(request), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(deadline, TimeUnit.MILLISECONDS);
            return new StripeResponse(
                    response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (TimeoutException ex) {
            exchange.cancel(true);
            throw failure(timeout(ex));
        } catch (ExecutionException ex) {
            throw failure(asStripeJavaExpects(ex.getCause()));
        } catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(ex);
        }
    }

    /**
     * The failure as stripe-java's retry logic reads it: timeouts as timeouts, resets and closed connections as
     * connection failures (both retried), anything else as it is (not retried).
     */
    private static Exception asStripeJavaExpects(Throwable cause) {
        if (cause instanceof HttpTimeoutException) { // connect and request timeouts alike
            return timeout(cause);
        }
        if (cause instanceof ProtocolException || !(cause instanceof IOException)) {
            return (cause instanceof Exception exception) ? exception : new IOException(cause);
        }
        return connectionFailure(cause);
    }

    private HttpRequest toHttpRequest(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI());
        } catch (URISyntaxException ex) {
            throw failure(ex);
        }
        builder.timeout(Duration.ofMillis(request.options().getReadTimeout()));
        forEachHeader(request, builder::header);
        HttpRequest.BodyPublisher body = (request.content() != null)
                ? HttpRequest.BodyPublishers.ofByteArray(request.content().byteArrayContent())
                : HttpRequest.BodyPublishers.noBody();
        if (request.content() != null) {
            builder.header("Content-Type", request.content().contentType());
        }
        return builder.method(request.method().name(), body).build();
    }
}
