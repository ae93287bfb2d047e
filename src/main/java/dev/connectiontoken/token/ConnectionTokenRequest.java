package dev.connectiontoken.token;

import dev.connectiontoken.client.StripeIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code POST /connection_token}, with the limits of Stripe's own endpoint. Bound by
 * {@link ConnectionTokenRequestResolver} from the query string and a form or JSON body.
 *
 * @param location the Stripe location to scope the token to
 * @param expand response fields to expand, forwarded to Stripe (kept for parity with Stripe's endpoint)
 */
@Schema(
        name = "ConnectionTokenRequest",
        description = "Strict like Stripe's endpoint: any other parameter is refused.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record ConnectionTokenRequest(
        @Schema(
                description = "The Stripe location to scope the token to; omit it for an unscoped token.",
                example = "tml_FhUnkZQ3ERCm4R")
        @Nullable
        @Size(max = 5000, message = "must be at most 5000 characters")
        @Pattern(
                regexp = StripeIds.LOCATION,
                message = "must be a Stripe location id: tml_ followed by letters and digits")
        String location,

        @Schema(description = "Response fields to expand, forwarded to Stripe as it receives them.")
        @Nullable
        @Size(max = 20, message = "must list at most 20 fields")
        List<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 5000, message = "must be at most 5000 characters") String>
                expand) {

    static final ConnectionTokenRequest EMPTY = new ConnectionTokenRequest(null, List.of());

    ConnectionTokenRequest {
        expand = (expand != null) ? List.copyOf(expand) : List.of();
    }

    @Override
    public List<String> expand() {
        return (this.expand != null) ? this.expand : List.of();
    }
}
