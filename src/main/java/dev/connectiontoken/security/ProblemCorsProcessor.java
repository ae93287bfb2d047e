package dev.connectiontoken.security;

import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Spring's CORS checks on the caller-facing endpoints, with a refused origin answered in the problem shape rather than a
 * bare text 403. No origin is allowed unless configured.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemWriter writer;

    ProblemCorsProcessor(ProblemWriter writer) {
        this.writer = writer;
    }

    static CorsFilter filter(CorsProperties properties, ProblemWriter writer) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                Credentials.API_KEY_HEADER,
                HttpHeaders.CONTENT_TYPE,
                Endpoints.REQUEST_ID_HEADER));
        configuration.setExposedHeaders(List.of(
                HttpHeaders.RETRY_AFTER,
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                Endpoints.MODE_HEADER,
                Endpoints.REQUEST_ID_HEADER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : Endpoints.CALLER_PATHS) {
            source.registerCorsConfiguration(path, configuration);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(writer));
        return filter;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (!(response instanceof ServletServerHttpResponse servlet)) {
            super.rejectRequest(response);
            return;
        }
        ApiException refusal = ApiException.of(
                ProblemType.FORBIDDEN,
                "cors_origin_not_allowed",
                "This origin may not call the service from a browser (CORS).",
                null);
        // The processor is not given the request, so the optional instance member is left out.
        this.writer.write(null, servlet.getServletResponse(), refusal.getBody(), refusal.getHeaders());
    }
}
