package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's transport on Apache HttpClient 5's classic (blocking) client, the default: a pool of keep-alive
 * HTTP/1.1 connections, read and written on the calling thread, so that a request's thread does the whole exchange
 * itself, with no hand-off to a selector thread and back (docs/PERFORMANCE.md measures both). A connection is checked
 * before reuse once idle for 2 s; one the server has closed anyway fails as a connection failure, which stripe-java
 * retries with the same idempotency key. The read timeout bounds each wait for bytes, not a body that arrives a few
 * bytes at a time: so each exchange also gets a deadline, stripe-java's connect and read timeouts together, at which
 * it is cancelled and fails as a timeout (as {@link JdkStripeHttpClient} does).
 */
final class ApacheStripeHttpClient extends PooledStripeHttpClient {

    /** How long a connection opened ahead of the first calls may wait idle in the pool (HttpClient's default). */
    private static final TimeValue KEEP_ALIVE = TimeValue.ofMinutes(3);

    private final PoolingHttpClientConnectionManager pool;

    private final HttpRoutePlanner routes = new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE);

    private final CloseableHttpClient client;

    /** Cancels exchanges that outlive their deadline; one thread, idle but for that. */
    private final ScheduledThreadPoolExecutor deadlines;

    /** The last URL called and its URI: a token call is the same URL every time, and parsing it took 1 % of a profile. */
    private volatile Parsed<URI> lastUri = new Parsed<>("", URI.create("/"));

    /** The last content type sent, parsed: stripe-java sends the same form type on every call. */
    private volatile Parsed<ContentType> lastContentType = new Parsed<>("", ContentType.DEFAULT_BINARY);

    ApacheStripeHttpClient(Duration connectTimeout, int maxConnections, @Nullable SSLContext sslContext) {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(
                        (sslContext != null) ? sslContext : SSLContexts.createSystemDefault()))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(this.pool)
                .setRoutePlanner(this.routes)
                .disableAutomaticRetries() // stripe-java retries, with its idempotency key
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
            Thread thread = new Thread(task, "stripe-http-deadline");
            thread.setDaemon(true);
            // Started by the first call, on a request's thread: not that request's web application class loader.
            thread.setContextClassLoader(ApacheStripeHttpClient.class.getClassLoader());
            return thread;
        });
        // A call that ends in time removes its timer at once, so that thousands of calls a second queue none.
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * Opens {@code count} connections (TCP and TLS) to {@code target} at once and leaves them idle in the pool, on the
     * route that calls to {@code target} take, so that the first calls find them open. A connection that fails to
     * open is skipped.
     */
    @Override
    int openConnections(URI target, int count, Duration timeout) throws InterruptedException {
        if (count <= 0) {
            return 0;
        }
        HttpRoute route;
        try {
            HttpUriRequestBase call = new HttpUriRequestBase("POST", target);
            route = this.routes.determineRoute(RoutingSupport.determineHost(call), call, HttpClientContext.create());
        } catch (HttpException ex) {
            return 0;
        }
        Opened opened = new Opened();
        ExecutorService openers = Executors.newFixedThreadPool(Math.min(count, 32));
        try {
            for (int i = 0; i < count; i++) {
                openers.execute(() -> open(route, timeout, opened));
            }
            openers.shutdown();
            openers.awaitTermination(timeout.toMillis() * (count / 32 + 2), TimeUnit.MILLISECONDS);
        } finally {
            openers.shutdownNow();
        }
        return opened.returnToPool();
    }

    private void open(HttpRoute route, Duration timeout, Opened opened) {
        ConnectionEndpoint endpoint;
        try {
            endpoint = this.pool
                    .lease("open-before-ready", route, Timeout.of(timeout), null)
                    .get(Timeout.of(timeout));
        } catch (Exception ex) {
            return;
        }
        try {
            if (!endpoint.isConnected()) {
                this.pool.connect(endpoint, Timeout.of(timeout), HttpClientContext.create());
            }
            if (endpoint.isConnected()) {
                opened.add(endpoint);
                return;
            }
        } catch (IOException ex) {
            // Skipped: it opens on first use instead.
        }
        endpoint.close(CloseMode.IMMEDIATE);
        this.pool.release(endpoint, null, null);
    }

    /**
     * The connections opened so far, held until all are open so that each lease takes a connection of its own; one
     * that opens after they went back to the pool goes back at once.
     */
    private final class Opened {

        private final List<ConnectionEndpoint> endpoints = new ArrayList<>();

        private boolean returned;

        synchronized void add(ConnectionEndpoint endpoint) {
            if (this.returned) {
                ApacheStripeHttpClient.this.pool.release(endpoint, null, KEEP_ALIVE);
            } else {
                this.endpoints.add(endpoint);
            }
        }

        synchronized int returnToPool() {
            this.returned = true;
            this.endpoints.forEach((endpoint) -> ApacheStripeHttpClient.this.pool.release(endpoint, null, KEEP_ALIVE));
            return this.endpoints.size();
        }
    }

    /** Connections idle in the pool (for tests). */
    int idleConnections() {
        return this.pool.getTotalStats().getAvailable();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpUriRequestBase outbound = new HttpUriRequestBase(request.method().name(), uri(request));
        outbound.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(
                        Timeout.ofMilliseconds(request.options().getConnectTimeout()))
                .setResponseTimeout(Timeout.ofMilliseconds(request.options().getReadTimeout()))
                .build());
        forEachHeader(request, outbound::addHeader);
        if (request.content() != null) {
            outbound.setEntity(new ByteArrayEntity(
                    request.content().byteArrayContent(),
                    contentType(request.content().contentType())));
        }
        Deadline deadline = new Deadline(outbound);
        ScheduledFuture<?> timer = this.deadlines.schedule(deadline, deadlineMillis(request), TimeUnit.MILLISECONDS);
        try {
            return this.client.execute(outbound, ApacheStripeHttpClient::toStripeResponse);
        } catch (ConnectTimeoutException ex) {
            throw failure(timeout(ex));
        } catch (SocketTimeoutException ex) {
            throw failure(ex);
        } catch (IOException ex) {
            throw failure(deadline.passed() ? timeout(ex) : connectionFailure(ex));
        } finally {
            timer.cancel(false);
        }
    }

    /** Cancels one exchange when run: its connection is closed, and the blocked read fails at once. */
    private static final class Deadline implements Runnable {

        private final HttpUriRequestBase exchange;

        private volatile boolean passed;

        Deadline(HttpUriRequestBase exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            this.passed = true;
            this.exchange.cancel();
        }

        boolean passed() {
            return this.passed;
        }
    }

    private URI uri(StripeRequest request) throws ApiConnectionException {
        String url = request.url().toExternalForm();
        Parsed<URI> last = this.lastUri;
        if (last.raw().equals(url)) {
            return last.value();
        }
        try {
            URI uri = request.url().toURI();
            this.lastUri = new Parsed<>(url, uri);
            return uri;
        } catch (URISyntaxException ex) {
            throw failure(ex);
        }
    }

    private ContentType contentType(String raw) {
        Parsed<ContentType> last = this.lastContentType;
        if (last.raw().equals(raw)) {
            return last.value();
        }
        ContentType type = ContentType.parse(raw);
        this.lastContentType = new Parsed<>(raw, type);
        return type;
    }

    /** A value parsed from a string, kept with it (both immutable). */
    private record Parsed<T>(String raw, T value) {}

    @Override
    public void close() {
        this.deadlines.shutdownNow();
        this.client.close(CloseMode.GRACEFUL);
    }

    private static StripeResponse toStripeResponse(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        // Bytes, then one decoding: cheaper than EntityUtils.toString's reader (2.5 % of a profile).
        String body = (entity != null) ? new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8) : "";
        return new StripeResponse(response.getCode(), HttpHeaders.of(headers), body);
    }
}
