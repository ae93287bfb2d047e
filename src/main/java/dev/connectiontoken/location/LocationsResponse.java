package dev.connectiontoken.location;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.connectiontoken.stripe.TerminalLocation;
import dev.connectiontoken.web.Endpoints;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/** The locations a point-of-sale app may pick from, the client's default marked. */
record LocationsResponse(List<Entry> data) {

    static ResponseEntity<LocationsResponse> of(
            List<TerminalLocation> locations, @Nullable String defaultLocation, boolean offline) {
        // Per caller: a shared cache must never hand one caller's list to another.
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        return (offline ? response.header(Endpoints.MODE_HEADER, "offline") : response)
                .body(new LocationsResponse(locations.stream()
                        .map((location) -> new Entry(location, location.id().equals(defaultLocation)))
                        .toList()));
    }

    /** One location: {@code id} is what to send as {@code location}; {@code default} is the client's default. */
    record Entry(
            @JsonUnwrapped TerminalLocation location,
            @JsonProperty("default") boolean isDefault) {}
}
