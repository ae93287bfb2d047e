package dev.connectiontoken.client;

import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.ProblemType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Least privilege for locations: which location a client's token is scoped to, or why it gets none. */
public final class LocationPolicy {

    private LocationPolicy() {}

    public static boolean allows(List<String> locations, String location) {
        return locations.isEmpty() || locations.contains(location);
    }

    /** The location asked for if allowed, else the client's default; {@code null} only for unlimited clients. */
    public static @Nullable String resolve(Client client, @Nullable String requested) {
        if (requested != null) {
            if (!allows(client.locations(), requested)) {
                throw ApiException.of(
                        ProblemType.LOCATION_NOT_ALLOWED,
                        "location_not_allowed",
                        "This client may not mint tokens for location " + requested + ".",
                        "location");
            }
            return requested;
        }
        if (client.defaultLocation() == null && !client.locations().isEmpty()) {
            throw ApiException.of(
                    ProblemType.LOCATION_REQUIRED,
                    "location_required",
                    "This client is limited to certain locations: choose one with the location parameter.",
                    "location");
        }
        return client.defaultLocation();
    }
}
