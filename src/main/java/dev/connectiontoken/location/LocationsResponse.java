package dev.connectiontoken.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectiontoken.stripe.TerminalLocation;
import dev.connectiontoken.stripe.TerminalLocation.Address;
import dev.connectiontoken.web.Endpoints;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The locations a point-of-sale app may pick from, the client's default marked.
 *
 * @param data the locations
 */
@Schema(name = "Locations")
record LocationsResponse(List<Entry> data) {

    static ResponseEntity<LocationsResponse> of(
            List<TerminalLocation> locations, @Nullable String defaultLocation, boolean offline) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                // Per caller and short-lived: a shared cache must never hand one caller's list to another.
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON);
        if (offline) {
            response.header(Endpoints.MODE_HEADER, "offline");
        }
        return response.body(new LocationsResponse(locations.stream()
                .map((location) -> Entry.of(location, location.id().equals(defaultLocation)))
                .toList()));
    }

    /**
     * One location.
     *
     * @param id the id to send as {@code location} to {@code POST /connection_token}
     * @param displayName its name in the Stripe dashboard
     * @param address its address, when Stripe has one
     * @param isDefault whether the service uses it when the app names none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Location")
    record Entry(
            @Schema(example = "tml_FhUnkZQ3ERCm4R") String id,

            @JsonProperty("display_name") @Schema(example = "Main Street store")
            String displayName,

            @Nullable AddressEntry address,
            @JsonProperty("default") boolean isDefault) {

        static Entry of(TerminalLocation location, boolean isDefault) {
            Address address = location.address();
            return new Entry(
                    location.id(),
                    location.displayName(),
                    (address != null)
                            ? new AddressEntry(
                                    address.line1(),
                                    address.line2(),
                                    address.city(),
                                    address.state(),
                                    address.postalCode(),
                                    address.country())
                            : null,
                    isDefault);
        }
    }

    /**
     * A postal address, in Stripe's shape.
     *
     * @param line1 the first line
     * @param line2 the second line
     * @param city the city
     * @param state the state, county or province
     * @param postalCode the postal code
     * @param country the ISO 3166-1 alpha-2 country code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Address")
    record AddressEntry(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @JsonProperty("postal_code") @Nullable String postalCode,
            @Nullable String country) {}
}
