package dev.connectiontoken.auth;

import dev.connectiontoken.api.Endpoints;
import dev.connectiontoken.api.StripeMode;
import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.client.ClientRegistry;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.ProblemWriter;
import dev.connectiontoken.error.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Who may call the caller-facing endpoints: configured API-key clients and JWTs from the integrator's identity
 * provider. Credentials travel in headers only, never cookies, and nothing is kept in a session, so CSRF cannot apply.
 * Rate limiting is not wired here: its filter runs after this chain (see the {@code ratelimit} package).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * What every JWT must satisfy besides Spring's defaults (signature, audience, a time window when one is given):
     * an expiry, and the configured issuer also when the keys come from a JWK set or a public key, where Boot does not
     * check it. Boot adds this validator to the decoder it builds.
     */
    @Bean
    OAuth2TokenValidator<Jwt> jwtRequirements(Environment environment) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<@Nullable Object>(JwtClaimNames.EXP, Objects::nonNull));
        String issuer = environment.getProperty(AccessMode.JWT_ISSUER);
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /**
     * No observation per security filter and request, and no wrapping of each filter to make one: the HTTP server
     * observation ({@code http_server_requests}) already times every request.
     */
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
                // The controllers read the caller from the security context; no request wrapper for the servlet API's
                // getUserPrincipal or isUserInRole on every call.
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling((exceptions) -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> writer.write(
                                request, response, Problems.exception(ProblemType.FORBIDDEN, "Access denied."))))
                .addFilter(ProblemCorsProcessor.filter(cors, writer))
                .authorizeHttpRequests((requests) -> {
                    if (authenticationRequired) {
                        requests.requestMatchers(Endpoints.CALLER_PATHS.toArray(String[]::new))
                                .authenticated();
                    }
                    requests.anyRequest().permitAll();
                });
        if (!clients.isEmpty()) {
            http.addFilterBefore(apiKeyFilter(clients, entryPoint), BearerTokenAuthenticationFilter.class);
        }
        if (jwtEnabled) {
            http.oauth2ResourceServer((resourceServer) -> resourceServer
                    .bearerTokenResolver(new JwtBearerTokenResolver())
                    .authenticationEntryPoint(entryPoint)
                    .jwt((token) -> token.jwtAuthenticationConverter(new JwtClientConverter(jwt))));
        }
        return http.build();
    }

    private static AuthenticationFilter apiKeyFilter(
            ClientRegistry clients, ProblemAuthenticationEntryPoint entryPoint) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(new ApiKeyAuthenticationProvider(clients)), new ApiKeyAuthenticationConverter());
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler(entryPoint::commence);
        return filter;
    }
}
