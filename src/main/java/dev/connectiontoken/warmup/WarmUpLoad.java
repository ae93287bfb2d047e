package dev.connectiontoken.warmup;

import dev.connectiontoken.api.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code concurrency} requests in flight against the warm-up copy until the time is up, in the shapes real
 * callers send: the Terminal SDKs' bare POST, an empty form, an empty JSON object, a form with a location, and now
 * and then the locations list. It sends them with Apache HttpClient 5, the client the service calls Stripe with, so that
 * the code compiled to send them serves the service too.
 */
final class WarmUpLoad implements AutoCloseable {

    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");

    private static final ContentType JSON = ContentType.create("application/json");

    private static final Timeout TIMEOUT = Timeout.ofSeconds(10);

    private final URI base;

    private final String apiKey;

    private final int concurrency;

    private final CloseableHttpClient client;

    WarmUpLoad(int port, String apiKey, int concurrency) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
        this.concurrency = concurrency;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency)
                        .setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(TIMEOUT)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .disableAutomaticRetries()
                .build();
    }

    /**
     * Sends requests until {@code duration} has passed or, if {@code limit} is positive, {@code limit} requests have been
     * sent; what came back.
     */
    Result run(Duration duration, long limit) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        return drive(
                this.concurrency, duration, () -> limit <= 0 || started.getAndIncrement() < limit, new AtomicBoolean());
    }

    /**
     * Then keeps {@code workers} requests in flight, few enough to leave the JIT compilers most of the CPU, until the
     * compilers have been idle for {@code quiet} (as {@link Compilers} tells) or {@code max} has passed. The requests
     * keep the methods queued for compilation running: the JVM drops a queued compilation whose method has stopped.
     */
    Settled settle(Duration max, int workers, Compilers compilers, Duration quiet) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean idle = new AtomicBoolean();
        Thread watcher = new Thread(
                () -> {
                    try {
                        idle.set(compilers.awaitIdle(quiet, max));
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    stop.set(true);
                },
                "warm-up-settle");
        watcher.setDaemon(true);
        watcher.start();
        Result result;
        try {
            result = drive(workers, max, () -> true, stop);
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        return new Settled(result, idle.get());
    }

    private Result drive(int workers, Duration duration, BooleanSupplier mayStart, AtomicBoolean stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
        List<Shape> shapes = shapes();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int worker = 0; worker < workers; worker++) {
            int offset = worker;
            pool.execute(() -> {
                for (long n = offset;
                        System.nanoTime() < deadline
                                && !stop.get()
                                && !Thread.currentThread().isInterrupted()
                                && mayStart.getAsBoolean();
                        n++) {
                    String failure = send(shapes.get((int) (n % shapes.size())));
                    requests.incrementAndGet();
                    if (failure != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
        return new Result(requests.get(), failed.get(), firstFailure.get());
    }

    /** Null when the copy answered 200, else what went wrong. */
    private @Nullable String send(Shape shape) {
        HttpUriRequestBase request = shape.request(this.base, this.apiKey);
        try {
            int status = this.client.execute(request, (response) -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return (status == 200) ? null : shape.path() + " answered " + status;
        } catch (IOException ex) {
            return shape.path() + ": " + ex;
        }
    }

    private static List<Shape> shapes() {
        return List.of(
                new Shape(Endpoints.CONNECTION_TOKEN, null, ""),
                new Shape(Endpoints.CONNECTION_TOKEN, FORM, ""),
                new Shape(Endpoints.CONNECTION_TOKEN, JSON, "{}"),
                new Shape(Endpoints.CONNECTION_TOKEN, FORM, "location=tml_WarmUpLoopbackOnly"),
                new Shape(Endpoints.CONNECTION_TOKEN, null, ""),
                new Shape(Endpoints.CONNECTION_TOKEN, JSON, "{\"location\":\"tml_WarmUpLoopbackOnly\"}"),
                new Shape(Endpoints.CONNECTION_TOKEN, FORM, ""),
                new Shape(Endpoints.LOCATIONS, null, null));
    }

    @Override
    public void close() throws IOException {
        this.client.close();
    }

    /**
     * One shape of request: a POST with this content type (none for the SDKs' bare POST) and body, or a GET when the
     * body is {@code null}.
     */
    private record Shape(
            String path,
            @Nullable ContentType contentType,
            @Nullable String body) {

        HttpUriRequestBase request(URI base, String apiKey) {
            HttpUriRequestBase request =
                    (this.body == null) ? new HttpGet(base.resolve(this.path)) : new HttpPost(base.resolve(this.path));
            request.setHeader("Authorization", "Bearer " + apiKey);
            if (this.body != null && !this.body.isEmpty()) {
                request.setEntity(new ByteArrayEntity(this.body.getBytes(StandardCharsets.UTF_8), this.contentType));
            } else if (this.contentType != null) {
                request.setHeader("Content-Type", this.contentType.getMimeType());
            }
            return request;
        }
    }

    /**
     * What a warm-up did.
     *
     * @param requests how many requests it sent
     * @param failed how many did not answer 200
     * @param firstFailure what the first failure was, if any
     */
    record Result(long requests, long failed, @Nullable String firstFailure) {

        /** This run followed by {@code next}. */
        Result plus(Result next) {
            return new Result(
                    this.requests + next.requests,
                    this.failed + next.failed,
                    (this.firstFailure != null) ? this.firstFailure : next.firstFailure);
        }
    }

    /**
     * What a settling did.
     *
     * @param result what its requests did
     * @param idle whether the compilers went idle before its limit
     */
    record Settled(Result result, boolean idle) {}
}
