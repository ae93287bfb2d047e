package dev.connectiontoken.security;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.ClientRegistry;
import dev.connectiontoken.stripe.StripeMode;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Who may call the caller-facing endpoints: API keys or JWTs, in headers only and with no session, so no CSRF. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String REALM = "Bearer realm=\"connection-token\"";

    /** The HTTP server observation already times every request: no observation per security filter. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ClientRegistry clients,
            @Nullable JwtDecoder decoder,
            SecurityProperties properties,
            StripeMode mode,
            ProblemWriter writer,
            AuditLog audit,
            Environment environment) {
        boolean authenticationRequired = AccessMode.check(mode, clients.size(), decoder != null, environment);
        AuthenticationEntryPoint entryPoint = entryPoint(writer, audit);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling((exceptions) -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> writer.write(
                                request, response, ApiException.of(ProblemType.FORBIDDEN, "Access denied."))))
                .addFilter(corsFilter(properties.cors(), writer))
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
        if (decoder != null) {
            http.oauth2ResourceServer((resourceServer) -> resourceServer
                    .bearerTokenResolver(new Credentials())
                    .authenticationEntryPoint(entryPoint)
                    .jwt((token) -> token.decoder(JwtConfiguration.keysUnavailableAsJwtException(decoder))
                            .jwtAuthenticationConverter(
                                    (jwt) -> authenticated(JwtConfiguration.client(jwt, properties.jwt()))))
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

    private static UsernamePasswordAuthenticationToken authenticated(Client client) {
        return UsernamePasswordAuthenticationToken.authenticated(client, null, List.of());
    }

    /** 401 with {@code WWW-Authenticate} for missing or refused credentials, 503 when the JWT keys cannot be loaded. */
    private static AuthenticationEntryPoint entryPoint(ProblemWriter writer, AuditLog audit) {
        return (request, response, ex) -> {
            if (ex instanceof AuthenticationServiceException) {
                // One line, no stack trace: the cause is the identity provider, not this request.
                log.warn("JWT keys unavailable: {}", ex.getMessage());
                ApiException unavailable = ApiException.of(
                        ProblemType.AUTHENTICATION_UNAVAILABLE,
                        "Credentials cannot be checked right now. Retry after the delay given.");
                writer.write(request, response, unavailable.retryAfter(Duration.ofSeconds(5)));
                return;
            }
            boolean presented = !(ex instanceof InsufficientAuthenticationException);
            String code = presented ? "invalid_credentials" : "authentication_required";
            String detail = presented
                    ? "The API key or bearer token was not accepted."
                    : "Authentication required: send Authorization: Bearer <API key or JWT>, or X-Api-Key: <API key>.";
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? REALM + ", error=\"invalid_token\"" : REALM);
            audit.refusedUnidentified(request.getRemoteAddr(), 401, code);
            writer.write(request, response, ApiException.of(ProblemType.UNAUTHORIZED, code, detail, null));
        };
    }

    /** Spring's CORS checks, with a refused origin answered in the problem shape rather than a bare text 403. */
    private static CorsFilter corsFilter(SecurityProperties.Cors cors, ProblemWriter writer) {
        CorsConfiguration configuration = cors.toCorsConfiguration();
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
                HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
                writer.write(null, servlet, refusal.getBody(), refusal.getHeaders());
            }
        });
        return filter;
    }
}
