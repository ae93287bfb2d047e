package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.stripe.StripeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The one factory of error bodies: the RFC 9457 members, Stripe's error shape, and what each kind adds. */
class ApiExceptionTests {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void bodyIsWrittenWithTheRfcMembersFirstThenStripesErrorAndTheRequestId() throws Exception {
        MDC.put(ProblemWriter.REQUEST_ID, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ApiException ex =
                ApiException.of(ProblemType.LOCATION_NOT_ALLOWED, "location_not_allowed", "Not yours.", "location");
        new ProblemWriter(JsonMapper.builder().build())
                .write("/connection_token", response, ex.getBody(), ex.getHeaders());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"type\":\"tag:connection-token-service,2026:problem:location-not-allowed\","
                        + "\"title\":\"Location not allowed\",\"status\":403,\"detail\":\"Not yours.\","
                        + "\"instance\":\"/connection_token\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"code\":\"location_not_allowed\",\"message\":\"Not yours.\",\"param\":\"location\"},"
                        + "\"request_id\":\"req-42\"}");
        assertThat(ex.code()).isEqualTo("location_not_allowed");
        assertThat(ex.metricReason()).isEqualTo("location_not_allowed");
    }

    @Test
    void serverSideProblemsAreApiErrors() {
        ApiException ex = ApiException.of(ProblemType.STRIPE_TIMEOUT, "Too slow.");

        assertThat(ex.getStatusCode().value()).isEqualTo(504);
        assertThat(ex.getBody().getProperties().get("error"))
                .isEqualTo(Map.of("type", "api_error", "code", "upstream_timeout", "message", "Too slow."));
    }

    @Test
    void aSpentStripeBudgetIsItsOwn503WithTheBudgetsRetryAfterRoundedUp() {
        ApiException ex = ApiException.from(new StripeFailure(StripeFailure.Kind.BUDGET_SPENT, "No turn", null)
                .retryAfter(Duration.ofMillis(2050))
                .waited(Duration.ofMillis(30)));

        assertThat(ex.getStatusCode().value()).isEqualTo(503);
        assertThat(ex.getBody().getType().toString()).endsWith(":stripe-budget-spent");
        assertThat(ex.code()).isEqualTo("stripe_budget_spent");
        assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(ex.waited()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void otherUnavailableStripeAnswersRetryAfterOneSecond() {
        ApiException ex = ApiException.from(new StripeFailure(StripeFailure.Kind.UNAVAILABLE, "Down", null));

        assertThat(ex.getBody().getType().toString()).endsWith(":stripe-unavailable");
        assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void invalidParametersListsEveryErrorAndSummarisesTheFirst() {
        ApiException ex = ApiException.invalidParameters(List.of(
                new ParameterError("locaton", "parameter_unknown", "Received unknown parameter: locaton"),
                new ParameterError("expand[0]", "parameter_invalid_type", "expand[0] must be a string")));

        assertThat(ex.getBody().getDetail())
                .isEqualTo("Received unknown parameter: locaton (and 1 more problems, listed in errors)");
        assertThat(ex.code()).isEqualTo("parameter_unknown");
        assertThat((List<?>) ex.getBody().getProperties().get("errors")).hasSize(2);
    }

    @Test
    void stripesOwnCodesPassThroughButCountAsOneReason() {
        ApiException ex = ApiException.from(new StripeFailure(
                StripeFailure.Kind.REJECTED_PARAMETERS,
                "No such location: 'tml_X'",
                "resource_missing",
                "location",
                null));

        assertThat(ex.getBody().getType()).isEqualTo(ProblemType.STRIPE_REJECTED_PARAMETERS.type());
        assertThat(ex.code()).isEqualTo("resource_missing");
        assertThat(ex.metricReason()).isEqualTo("stripe_rejected_parameters");
    }

    @Test
    void frameworkBodyIsCompletedKeepingItsStatusAndDetail() {
        ProblemDetail framework = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain' is not supported.");

        ProblemDetail body = ApiException.complete(framework);

        assertThat(body.getType()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.type());
        assertThat(body.getTitle()).isEqualTo("Unsupported media type");
        assertThat(body.getStatus()).isEqualTo(415);
        assertThat(body.getDetail()).isEqualTo("Content-Type 'text/plain' is not supported.");
        assertThat(body.getProperties().get("error"))
                .isInstanceOfSatisfying(
                        Map.class, (error) -> assertThat(error).containsEntry("code", "media_type_unsupported"));
    }

    @Test
    void containerBodyIsCompletedWithADetailThatSaysNoMoreThanItsStatus() {
        ProblemDetail body = ApiException.complete(ProblemDetail.forStatus(414));

        assertThat(body.getType()).isEqualTo(ProblemType.BAD_REQUEST.type());
        assertThat(body.getTitle()).isEqualTo("URI Too Long");
        assertThat(body.getDetail()).isEqualTo("The request target is too long.");
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(ApiException.of(ProblemType.RATE_LIMITED, "Wait.")
                        .retryAfter(Duration.ofMillis(1001))
                        .getHeaders()
                        .getFirst("Retry-After"))
                .isEqualTo("2");
        assertThat(ApiException.of(ProblemType.RATE_LIMITED, "Wait.")
                        .retryAfter(Duration.ZERO)
                        .getHeaders()
                        .getFirst("Retry-After"))
                .isEqualTo("1");
    }
}
