package dev.connectiontoken.token;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code POST /connection_token}, with the limits of Stripe's own endpoint.
 *
 * @param location the Stripe location to scope the token to
 * @param expand response fields to expand, forwarded to Stripe
 */
@Schema(
        description = "Strict like Stripe's endpoint: any other parameter is refused.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ConnectionTokenRequest(
        @Nullable
        @Size(max = 5000, message = "must be at most 5000 characters")
        @Pattern(
                regexp = "^tml_[A-Za-z0-9]+$",
                message = "must be a Stripe location id: tml_ followed by letters and digits")
        String location,

        @Size(max = 20, message = "must list at most 20 fields")
        List<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 5000, message = "must be at most 5000 characters") String>
                expand) {

    public ConnectionTokenRequest {
        expand = (expand != null) ? List.copyOf(expand) : List.of();
    }
}
