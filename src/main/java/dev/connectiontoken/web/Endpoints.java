package dev.connectiontoken.web;

import java.util.List;

/** The HTTP API's paths and headers, named once for the controllers, the security chain and the rate limit. */
public final class Endpoints {

    public static final String CONNECTION_TOKEN = "/connection_token";
    public static final String LOCATIONS = "/locations";

    /** The paths point-of-sale apps call: authenticated, rate limited, open to configured browser origins. */
    public static final List<String> CALLER_PATHS = List.of(CONNECTION_TOKEN, LOCATIONS);

    /** Set to {@code offline} on answers that hold fake tokens (no Stripe key is set). */
    public static final String MODE_HEADER = "Connection-Token-Mode";

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Endpoints() {}
}
