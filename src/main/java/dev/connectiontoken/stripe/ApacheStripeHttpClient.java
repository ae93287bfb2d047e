package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's transport on Apache HttpClient 5, with a keep-alive connection for every call in flight: stripe-java's
 * own keeps five per host, so most concurrent calls would pay a new TLS handshake.
 */
final class ApacheStripeHttpClient extends HttpClient implements AutoCloseable {

    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
        Thread thread = new Thread(task, "stripe-http-deadline");
        thread.setDaemon(true);
        return thread;
    });

    ApacheStripeHttpClient(Duration connectTimeout, int maxConnections, @Nullable SSLContext sslContext) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(
                                (sslContext != null) ? sslContext : SSLContexts.createSystemDefault()))
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .disableAutomaticRetries() // stripe-java retries, with its idempotency key
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
        // A call that ends in time removes its timer at once, so that busy periods queue none.
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpUriRequestBase outbound;
        try {
            outbound = new HttpUriRequestBase(
                    request.method().name(), request.url().toURI());
        } catch (URISyntaxException ex) {
            throw failure(ex);
        }
        outbound.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(request.options().getReadTimeout()))
                .build());
        request.headers().map().forEach((name, values) -> values.forEach((value) -> outbound.addHeader(name, value)));
        outbound.addHeader("User-Agent", buildUserAgentString(request));
        outbound.addHeader("X-Stripe-Client-User-Agent", buildXStripeClientUserAgentString());
        if (request.content() != null) {
            outbound.setEntity(new ByteArrayEntity(
                    request.content().byteArrayContent(),
                    ContentType.parse(request.content().contentType())));
        }
        return send(outbound, request.options());
    }

    private StripeResponse send(HttpUriRequestBase outbound, RequestOptions options) throws ApiConnectionException {
        // The read timeout bounds each read only, so the whole exchange gets a deadline too.
        long deadlineMillis = (long) options.getConnectTimeout() + options.getReadTimeout();
        ScheduledFuture<?> timer = this.deadlines.schedule(outbound::cancel, deadlineMillis, TimeUnit.MILLISECONDS);
        try {
            return this.client.execute(outbound, ApacheStripeHttpClient::toStripeResponse);
        } catch (IOException ex) {
            // A reset or closed pooled connection is a connection failure, which stripe-java retries with the same
            // idempotency key; an exchange cancelled at its deadline is a timeout.
            throw failure(outbound.isCancelled() ? new SocketTimeoutException("deadline") : ex);
        } finally {
            timer.cancel(false);
        }
    }

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
        byte[] body = (response.getEntity() != null) ? EntityUtils.toByteArray(response.getEntity()) : new byte[0];
        return new StripeResponse(
                response.getCode(), HttpHeaders.of(headers), new String(body, StandardCharsets.UTF_8));
    }

    /** Reported as stripe-java's retry logic reads failures: a timeout or a connection failure, by type. */
    private static ApiConnectionException failure(Exception cause) {
        Throwable reported =
                (cause instanceof SocketTimeoutException timeout) ? timeout : new ConnectException().initCause(cause);
        // stripe-java's own message shape, without the API base (it may name an internal host).
        return new ApiConnectionException(
                "IOException during API request to Stripe: " + cause.getClass().getSimpleName(), reported);
    }
}
