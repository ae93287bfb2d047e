package dev.connectiontoken.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API-key clients, by their keys' SHA-256 only; clashes are constraints so that Boot's bind report shows them.
 *
 * @param clients the configured clients; none means no API-key authentication
 */
@ConfigurationProperties("connection-token")
@Validated
public record ClientProperties(@DefaultValue List<@Valid ClientEntry> clients) {

    /** What {@code printf %s "$KEY" | sha256sum} prints when {@code KEY} is unset: anyone could send that key. */
    static final String EMPTY_KEY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @AssertTrue(message = "each client needs its own id")
    boolean isEachIdUnique() {
        return this.clients.stream().map(ClientEntry::id).distinct().count() == this.clients.size();
    }

    @AssertTrue(message = "each api-key-sha256 must be used once, by one client")
    boolean isEachKeyUnique() {
        List<String> hashes = this.clients.stream()
                .flatMap((client) -> client.apiKeySha256().stream())
                .map((hash) -> String.valueOf(hash).toLowerCase(Locale.ROOT))
                .toList();
        return hashes.stream().distinct().count() == hashes.size();
    }

    /**
     * @param id names the client in logs, metrics and rate limits
     * @param apiKeySha256 the hex SHA-256 of the client's API key; several during a key rotation, each accepted
     * @param locations the locations it may scope tokens to; empty means any
     * @param defaultLocation the location used when it asks for none
     * @param account the connected account (acct_...) its tokens are minted on
     */
    public record ClientEntry(
            @NotBlank
            @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
            String id,

            @DefaultValue @NotEmpty
            List<
                            @NotNull
                            @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be the 64 hex digits of a SHA-256")
                            @Pattern(
                                    regexp = "^(?i)(?!" + EMPTY_KEY_SHA256 + "$).*$",
                                    message = "is the SHA-256 of an empty key (was the key variable unset when it was"
                                            + " hashed?)")
                            String>
                    apiKeySha256,

            @DefaultValue
            List<@Pattern(regexp = Client.LOCATION_ID, message = "must be a Stripe location id (tml_...)") String>
                    locations,

            @Nullable @Pattern(regexp = Client.LOCATION_ID, message = "must be a Stripe location id (tml_...)")
            String defaultLocation,

            @Nullable @Pattern(regexp = Client.ACCOUNT_ID, message = "must be a Stripe account id (acct_...)")
            String account) {

        @AssertTrue(message = "must be one of the client's locations")
        boolean isDefaultLocationAllowed() {
            return this.defaultLocation == null || LocationPolicy.allows(this.locations, this.defaultLocation);
        }

        Client toClient(String hash) {
            String keyId = hash.substring(0, 8).toLowerCase(Locale.ROOT);
            return new Client(
                    this.id, this.locations, this.defaultLocation, this.account, Client.Source.CONFIGURED, keyId);
        }
    }
}
