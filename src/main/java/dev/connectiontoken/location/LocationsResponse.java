package dev.connectiontoken.location;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.connectiontoken.stripe.TerminalLocation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/** The locations a point-of-sale app may pick from, the client's default marked. */
record LocationsResponse(List<Entry> data) {

    static ResponseEntity<LocationsResponse> of(List<TerminalLocation> locations, @Nullable String defaultLocation) {
        // Per caller: a shared cache must never hand one caller's list to another.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new LocationsResponse(locations.stream()
                        .map((location) -> new Entry(location, location.id().equals(defaultLocation)))
                        .toList()));
    }

    /** One location: {@code id} is what to send as {@code location}; {@code default} is the client's default. */
    record Entry(
            @JsonUnwrapped TerminalLocation location,
            @JsonProperty("default") boolean isDefault) {}
}
