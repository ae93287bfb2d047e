package dev.connectiontoken.security;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.ClientRegistry;
import dev.connectiontoken.stripe.StripeMode;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may call the caller-facing endpoints: configured API-key clients and JWTs from the integrator's identity
 * provider. Credentials travel in headers only, never cookies, and nothing is kept in a session, so CSRF cannot apply.
 * The rate limit runs after this chain (see the {@code ratelimit} package).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The HTTP server observation already times every request: no observation per security filter. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ClientRegistry clients,
            ObjectProvider<JwtDecoder> jwtDecoder,
            JwtProperties jwt,
            CorsProperties cors,
            StripeMode mode,
            ProblemWriter writer,
            AuditLog audit,
            Environment environment) {
        boolean jwtEnabled = jwtDecoder.getIfAvailable() != null;
        boolean authenticationRequired = AccessMode.checkAll(mode, clients.size(), jwtEnabled, environment);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer, audit);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling((exceptions) -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> writer.write(
                                request, response, ApiException.of(ProblemType.FORBIDDEN, "Access denied."))))
                .addFilter(corsFilter(cors, writer))
                .authorizeHttpRequests((requests) -> {
                    if (authenticationRequired) {
                        requests.requestMatchers(Endpoints.CALLER_PATHS.toArray(String[]::new))
                                .authenticated();
                    }
                    requests.anyRequest().permitAll();
                });
        if (clients.size() > 0) {
            AuthenticationManager byApiKey =
                    (authentication) -> clients.findByApiKey((String) authentication.getCredentials())
                            .map(SecurityConfiguration::authenticated)
                            .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
            AuthenticationFilter apiKeys = new AuthenticationFilter(byApiKey, new Credentials());
            apiKeys.setSuccessHandler((request, response, authentication) -> {});
            apiKeys.setFailureHandler(entryPoint::commence);
            http.addFilterBefore(apiKeys, BearerTokenAuthenticationFilter.class);
        }
        if (jwtEnabled) {
            http.oauth2ResourceServer((resourceServer) -> resourceServer
                    .bearerTokenResolver(new Credentials())
                    .authenticationEntryPoint(entryPoint)
                    .jwt((token) ->
                            token.jwtAuthenticationConverter((decoded) -> JwtConfiguration.client(decoded, jwt)))
                    // Every failure, an unreachable key source too, goes to the entry point: never a 500.
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(entryPoint::commence);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /** A caller authenticated by API key or JWT: the principal is the {@link Client}, named by its id. */
    static AbstractAuthenticationToken authenticated(Client client) {
        return new UsernamePasswordAuthenticationToken(client, "", List.of()) {
            @Override
            public String getName() {
                return client.id();
            }
        };
    }

    /** Spring's CORS checks, with a refused origin answered in the problem shape rather than a bare text 403. */
    private static CorsFilter corsFilter(CorsProperties properties, ProblemWriter writer) {
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
        configuration.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        Endpoints.CALLER_PATHS.forEach((path) -> source.registerCorsConfiguration(path, configuration));
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                ApiException refusal = ApiException.of(
                        ProblemType.FORBIDDEN,
                        "cors_origin_not_allowed",
                        "This origin may not call the service from a browser (CORS).",
                        null);
                // The processor is not given the request, so the optional instance member is left out.
                writer.write(
                        null,
                        ((ServletServerHttpResponse) response).getServletResponse(),
                        refusal.getBody(),
                        refusal.getHeaders());
            }
        });
        return filter;
    }
}
