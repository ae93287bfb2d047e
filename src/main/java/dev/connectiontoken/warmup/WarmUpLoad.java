package dev.connectiontoken.warmup;

import dev.connectiontoken.api.Endpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code concurrency} requests in flight against the warm-up copy until the time is up, in the shapes real
 * callers send: the Terminal SDKs' bare POST, an empty form, an empty JSON object, a form with a location, and now
 * and then the locations list.
 */
final class WarmUpLoad {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final String JSON = "application/json";

    private final URI base;

    private final String apiKey;

    private final int concurrency;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    WarmUpLoad(int port, String apiKey, int concurrency) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
        this.concurrency = concurrency;
    }

    /** Sends requests until {@code duration} has passed; what came back. */
    Result run(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
        List<HttpRequest> shapes = shapes();
        ExecutorService workers = Executors.newFixedThreadPool(this.concurrency);
        for (int worker = 0; worker < this.concurrency; worker++) {
            int offset = worker;
            workers.execute(() -> {
                for (long n = offset;
                        System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
                        n++) {
                    HttpRequest request = shapes.get((int) (n % shapes.size()));
                    String failure = send(request);
                    requests.incrementAndGet();
                    if (failure != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
        return new Result(requests.get(), failed.get(), firstFailure.get());
    }

    /** Null when the copy answered 200, else what went wrong. */
    private @Nullable String send(HttpRequest request) {
        try {
            HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
            return (response.statusCode() == 200)
                    ? null
                    : request.uri().getPath() + " answered " + response.statusCode();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception ex) {
            return request.uri().getPath() + ": " + ex;
        }
    }

    private List<HttpRequest> shapes() {
        return List.of(
                post(null, ""),
                post(FORM, ""),
                post(JSON, "{}"),
                post(FORM, "location=tml_WarmUpLoopbackOnly"),
                post(null, ""),
                post(JSON, "{\"location\":\"tml_WarmUpLoopbackOnly\"}"),
                post(FORM, ""),
                request(Endpoints.LOCATIONS).GET().build());
    }

    private HttpRequest post(@Nullable String contentType, String body) {
        HttpRequest.Builder request = request(Endpoints.CONNECTION_TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.POST(
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(this.base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + this.apiKey);
    }

    /**
     * What a warm-up did.
     *
     * @param requests how many requests it sent
     * @param failed how many did not answer 200
     * @param firstFailure what the first failure was, if any
     */
    record Result(long requests, long failed, @Nullable String firstFailure) {}
}
