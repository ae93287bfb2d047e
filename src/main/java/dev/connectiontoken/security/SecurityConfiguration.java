package dev.connectiontoken.security;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.ClientRegistry;
import dev.connectiontoken.stripe.StripeMode;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;

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
                .addFilter(ProblemCorsProcessor.filter(cors, writer))
                .authorizeHttpRequests((requests) -> {
                    if (authenticationRequired) {
                        requests.requestMatchers(Endpoints.CALLER_PATHS.toArray(String[]::new))
                                .authenticated();
                    }
                    requests.anyRequest().permitAll();
                });
        if (!clients.isEmpty()) {
            AuthenticationFilter apiKeys = new AuthenticationFilter(
                    new ProviderManager(new ApiKeyAuthenticationProvider(clients)),
                    new ApiKeyAuthenticationConverter());
            apiKeys.setSuccessHandler((request, response, authentication) -> {});
            apiKeys.setFailureHandler(entryPoint::commence);
            http.addFilterBefore(apiKeys, BearerTokenAuthenticationFilter.class);
        }
        if (jwtEnabled) {
            http.oauth2ResourceServer((resourceServer) -> resourceServer
                    .bearerTokenResolver(new JwtBearerTokenResolver())
                    .authenticationEntryPoint(entryPoint)
                    .jwt((token) -> token.jwtAuthenticationConverter(new JwtClientConverter(jwt)))
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
}
