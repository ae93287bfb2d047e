package dev.connectiontoken.web;

import java.util.List;

/** The service's HTTP API, named once: the controllers map these paths and the security chain and rate limit match them. */
public final class Endpoints {

    /** Where the Terminal SDKs' fetch-connection-token callback posts. */
    public static final String CONNECTION_TOKEN = "/connection_token";

    /** Where a point-of-sale app finds the locations it may scope its tokens to. */
    public static final String LOCATIONS = "/locations";

    /** The paths point-of-sale apps call: authenticated, rate limited, open to configured browser origins. */
    public static final List<String> CALLER_PATHS = List.of(CONNECTION_TOKEN, LOCATIONS);

    /** Answers that carry this header with the value {@code offline} hold fake tokens (no Stripe key is set). */
    public static final String MODE_HEADER = "Connection-Token-Mode";

    /** The request id, taken from the caller or made up, echoed in every answer, log line and error body. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Endpoints() {}
}
