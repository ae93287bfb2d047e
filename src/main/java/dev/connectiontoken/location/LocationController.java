package dev.connectiontoken.location;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ParameterError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /locations}: the locations this caller may scope tokens to, for an app to pick one and connect to it. */
@RestController
class LocationController {

    private final LocationService service;

    LocationController(LocationService service) {
        this.service = service;
    }

    @GetMapping(path = Endpoints.LOCATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LocationsResponse> listLocations(
            HttpServletRequest request, @AuthenticationPrincipal @Nullable Client client) {
        refuseParameters(request);
        Client caller = (client != null) ? client : Client.ANONYMOUS;
        return LocationsResponse.of(this.service.locationsFor(caller), caller.defaultLocation());
    }

    /** As strict as the token endpoint: a parameter this endpoint does not take is a mistake worth knowing about. */
    private static void refuseParameters(HttpServletRequest request) {
        List<ParameterError> errors = Collections.list(request.getParameterNames()).stream()
                .limit(20)
                .map(ParameterError::unknown)
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalidParameters(errors);
        }
    }
}
