package dev.connectiontoken.token;

/** Where the endpoint lives; the security chain and the rate limit match the same path. */
public final class ConnectionTokenEndpoint {

    public static final String PATH = "/connection_token";

    private ConnectionTokenEndpoint() {}
}
