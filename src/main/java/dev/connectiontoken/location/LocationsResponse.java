package dev.connectiontoken.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.connectiontoken.stripe.TerminalLocation;
import dev.connectiontoken.web.Endpoints;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * The locations a point-of-sale app may pick from, the client's default marked.
 *
 * @param data the locations
 */
record LocationsResponse(List<Entry> data) {

    static ResponseEntity<LocationsResponse> of(
            List<TerminalLocation> locations, @Nullable String defaultLocation, boolean offline) {
        // Per caller: a shared cache must never hand one caller's list to another.
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (offline) {
            response.header(Endpoints.MODE_HEADER, "offline");
        }
        return response.body(new LocationsResponse(locations.stream()
                .map((location) -> new Entry(
                        location.id(),
                        location.displayName(),
                        location.address(),
                        location.id().equals(defaultLocation)))
                .toList()));
    }

    /**
     * One location; JSON names are snake_case, as Stripe's.
     *
     * @param id the id to send as {@code location} to {@code POST /connection_token}
     * @param displayName its name in the Stripe dashboard
     * @param address its address, when Stripe has one
     * @param isDefault whether the service uses it when the app names none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            String id,
            String displayName,
            TerminalLocation.@Nullable Address address,
            @JsonProperty("default") boolean isDefault) {}
}
