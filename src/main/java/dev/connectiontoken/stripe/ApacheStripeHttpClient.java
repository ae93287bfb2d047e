package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
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
import org.apache.hc.core5.http.HttpEntity;
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
 * retries with the same idempotency key.
 */
final class ApacheStripeHttpClient extends PooledStripeHttpClient {

    private final CloseableHttpClient client;

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
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .build();
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
                .setConnectionRequestTimeout(
                        Timeout.ofMilliseconds(request.options().getConnectTimeout()))
                .setResponseTimeout(Timeout.ofMilliseconds(request.options().getReadTimeout()))
                .build());
        forEachHeader(request, outbound::addHeader);
        if (request.content() != null) {
            outbound.setEntity(new ByteArrayEntity(
                    request.content().byteArrayContent(),
                    ContentType.parse(request.content().contentType())));
        }
        try {
            return this.client.execute(outbound, ApacheStripeHttpClient::toStripeResponse);
        } catch (ConnectTimeoutException ex) {
            throw failure(timeout(ex));
        } catch (SocketTimeoutException ex) {
            throw failure(ex);
        } catch (IOException ex) {
            throw failure(connectionFailure(ex));
        }
    }

    @Override
    public void close() {
        this.client.close(CloseMode.GRACEFUL);
    }

    private static StripeResponse toStripeResponse(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        String body;
        try {
            body = (entity != null) ? EntityUtils.toString(entity, StandardCharsets.UTF_8) : "";
        } catch (org.apache.hc.core5.http.ParseException ex) {
            throw new IOException(ex);
        }
        return new StripeResponse(response.getCode(), HttpHeaders.of(headers), body);
    }
}
