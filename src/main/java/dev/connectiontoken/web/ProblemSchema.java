package dev.connectiontoken.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The error body as the OpenAPI document describes it; {@link Problems} builds the real ones.
 *
 * @param type identifies the kind of problem; see {@link ProblemType}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this request
 * @param instance the path the caller asked for
 * @param error the same problem in Stripe's error shape
 * @param errors every bad parameter, for validation problems
 * @param requestId the request id, also in the {@code X-Request-Id} header and every log line of the request
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, with a Stripe-style error member.")
public record ProblemSchema(
        @Schema(
                description = "Identifies the kind of problem; part of the API, never renamed.",
                format = "uri",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String type,

        @Schema(description = "A short summary of the kind of problem.", requiredMode = Schema.RequiredMode.REQUIRED)
        String title,

        @Schema(description = "The HTTP status code.", requiredMode = Schema.RequiredMode.REQUIRED)
        int status,

        @Schema(description = "What went wrong in this request.", requiredMode = Schema.RequiredMode.REQUIRED)
        String detail,

        @Schema(description = "The path the caller asked for.", format = "uri-reference") @Nullable
        String instance,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) StripeError error,

        @Schema(description = "Every bad parameter (at most 20); on validation problems only.") @Nullable
        List<ParameterError> errors,

        @Schema(
                name = "request_id",
                description = "Quote it when asking about a request: operators find its log lines.")
        @Nullable
        String requestId) {

    /**
     * Stripe's error shape, which the Terminal SDK example apps display.
     *
     * @param type {@code invalid_request_error} for the caller's mistakes, {@code api_error} for ours or Stripe's
     * @param code a machine-readable code
     * @param message the same text as {@code detail}
     * @param param the parameter at fault, when there is one
     */
    @Schema(name = "StripeError")
    public record StripeError(
            @Schema(
                    allowableValues = {"invalid_request_error", "api_error"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String type,

            @Schema(description = "A machine-readable code.", requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(description = "The same text as detail.", requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(description = "The parameter at fault, when there is one.") @Nullable
            String param) {}
}
