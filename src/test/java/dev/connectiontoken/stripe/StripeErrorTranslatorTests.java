package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** One test per row of the table in {@link StripeErrorTranslator}. */
class StripeErrorTranslatorTests {

    private final StripeErrorTranslator translator = new StripeErrorTranslator();

    @Test
    void invalidLocationIs400WithStripesCodeParamAndMessage() {
        InvalidRequestException stripe = invalidRequest("location", "resource_missing", "No such location: 'tml_1'");

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(error(answer))
                .containsEntry("code", "resource_missing")
                .containsEntry("param", "location")
                .containsEntry("message", "No such location: 'tml_1'");
    }

    @Test
    void invalidExpandEntryIs400() {
        InvalidRequestException stripe = invalidRequest("expand[0]", null, "This property cannot be expanded (a).");

        assertThat(answer(stripe).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void invalidRequestAboutAnotherParameterIs502WithoutStripesText() {
        InvalidRequestException stripe = invalidRequest("stripe_account", null, "Secret detail about our setup");

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody().getDetail()).doesNotContain("Secret detail");
    }

    @Test
    void authenticationFailureIs502() {
        StripeException stripe =
                new AuthenticationException("Invalid API Key provided: sk_test_****", "req_1", null, 401);

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody().getType().toString()).endsWith(":stripe-misconfigured");
        assertThat(answer.getBody().getDetail()).doesNotContain("sk_test");
    }

    @Test
    void permissionFailureIs502() {
        StripeException stripe =
                new PermissionException("The provided key does not have permissions", "req_1", null, 403);

        assertThat(answer(stripe).getBody().getType().toString()).endsWith(":stripe-misconfigured");
    }

    @Test
    void rateLimitIs503WithRetryAfter() {
        StripeException stripe = new RateLimitException("Too many requests", null, "req_1", "rate_limit", 429, null);

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void readTimeoutIs504() {
        StripeException stripe =
                new ApiConnectionException("IOException", new SocketTimeoutException("Read timed out"));

        assertThat(answer(stripe).getStatusCode().value()).isEqualTo(504);
    }

    @Test
    void httpClientTimeoutIs504() {
        StripeException stripe = new ApiConnectionException("IOException", new HttpTimeoutException("timed out"));

        assertThat(answer(stripe).getStatusCode().value()).isEqualTo(504);
    }

    @Test
    void connectionRefusedIs503WithRetryAfter() {
        StripeException stripe = new ApiConnectionException("IOException", new ConnectException("Connection refused"));

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void connectionResetIs503() {
        StripeException stripe = new ApiConnectionException("IOException", new IOException("Connection reset"));

        assertThat(answer(stripe).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void malformedAnswerIs502() {
        StripeException stripe =
                new ApiException("Invalid response object from API: {\"secret\": \"pst_1\"", "req_1", null, 200, null);

        dev.connectiontoken.web.ApiException answer = answer(stripe);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody().getDetail()).doesNotContain("pst_1");
    }

    @Test
    void anyOtherErrorIs502() {
        StripeException stripe =
                new IdempotencyException("Keys for idempotent requests can only be used once", "req_1", null, 400);

        assertThat(answer(stripe).getStatusCode().value()).isEqualTo(502);
    }

    private static InvalidRequestException invalidRequest(String param, String code, String message) {
        InvalidRequestException ex = new InvalidRequestException(message, param, "req_1", code, 400, null);
        StripeError error = new StripeError();
        error.setMessage(message);
        error.setParam(param);
        error.setCode(code);
        error.setType("invalid_request_error");
        ex.setStripeError(error);
        return ex;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, String> error(dev.connectiontoken.web.ApiException answer) {
        ProblemDetail body = answer.getBody();
        return (java.util.Map<String, String>) body.getProperties().get("error");
    }

    /** The translation and the web layer's mapping together: what a caller gets for each row of the table. */
    private dev.connectiontoken.web.ApiException answer(com.stripe.exception.StripeException stripe) {
        return dev.connectiontoken.web.ApiException.from(this.translator.translate(stripe));
    }
}
