package dev.connectiontoken.error;

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
 * @param error the same problem in Stripe's error shape
 * @param errors every bad parameter, for validation problems
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, with a Stripe-style error member.")
public record ProblemSchema(
        @Schema(example = "tag:connection-token-service,2026:problem:invalid-parameters")
        String type,

        @Schema(example = "Invalid request parameters") String title,
        @Schema(example = "400") int status,

        @Schema(example = "Received unknown parameter: locaton")
        String detail,

        StripeError error,

        @Schema(description = "Every bad parameter; present on validation problems only.") @Nullable
        List<ParameterError> errors) {

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
            @Schema(example = "invalid_request_error") String type,
            @Schema(example = "parameter_unknown") String code,

            @Schema(example = "Received unknown parameter: locaton")
            String message,

            @Schema(example = "locaton") @Nullable String param) {}
}
