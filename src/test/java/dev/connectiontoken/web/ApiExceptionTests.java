package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.stripe.StripeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/** The one factory of error bodies: the RFC 9457 members, Stripe's error shape, and what each kind adds. */
class ApiExceptionTests {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void bodyCarriesTypeTitleStatusDetailStripeErrorAndRequestId() {
        MDC.put(ProblemWriter.REQUEST_ID, "req-42");

        ApiException ex =
                ApiException.of(ProblemType.LOCATION_NOT_ALLOWED, "location_not_allowed", "Not yours.", "location");

        Map<String, Object> body = ProblemWriter.toMap(ex.getBody());
        assertThat(body)
                .containsEntry("type", "tag:connection-token-service,2026:problem:location-not-allowed")
                .containsEntry("title", "Location not allowed")
                .containsEntry("status", 403)
                .containsEntry("detail", "Not yours.")
                .containsEntry("request_id", "req-42")
                .containsEntry(
                        "error",
                        Map.of(
                                "type", "invalid_request_error",
                                "code", "location_not_allowed",
                                "message", "Not yours.",
                                "param", "location"));
        assertThat(ex.code()).isEqualTo("location_not_allowed");
        assertThat(ex.metricReason()).isEqualTo("location_not_allowed");
    }

    @Test
    void serverSideProblemsAreApiErrors() {
        ApiException ex = ApiException.of(ProblemType.STRIPE_TIMEOUT, "Too slow.");

        assertThat(ex.getStatusCode().value()).isEqualTo(504);
        assertThat(ProblemWriter.toMap(ex.getBody()).get("error"))
                .isEqualTo(Map.of("type", "api_error", "code", "upstream_timeout", "message", "Too slow."));
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

        assertThat(ex.type()).isEqualTo(ProblemType.STRIPE_REJECTED_PARAMETERS);
        assertThat(ex.code()).isEqualTo("resource_missing");
        assertThat(ex.metricReason()).isEqualTo("stripe_rejected_parameters");
    }

    @Test
    void frameworkBodyIsCompletedKeepingItsStatusAndDetail() {
        ProblemDetail framework = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type 'text/plain' is not supported.");

        Map<String, Object> body = ProblemWriter.toMap(ProblemWriter.complete(framework));

        assertThat(body)
                .containsEntry("type", ProblemType.UNSUPPORTED_MEDIA_TYPE.type().toString())
                .containsEntry("status", 415)
                .containsEntry("detail", "Content-Type 'text/plain' is not supported.");
        assertThat(body.get("error"))
                .isInstanceOfSatisfying(
                        Map.class, (error) -> assertThat(error).containsEntry("code", "media_type_unsupported"));
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
