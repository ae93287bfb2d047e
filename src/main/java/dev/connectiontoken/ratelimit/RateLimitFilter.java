package dev.connectiontoken.ratelimit;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.Endpoints;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits the caller-facing endpoints per client, or per address for anonymous callers: 429 with {@code Retry-After}. */
@Component
@Order(0) // after Spring Security's chain (-100): the caller is known, and one refused with 401 spends no bucket
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    /** Matched like Spring MVC and Spring Security match them (decoded path), so no encoding escapes the limit. */
    private static final RequestMatcher ENDPOINTS = new OrRequestMatcher(Endpoints.CALLER_PATHS.stream()
            .map((path) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path))
            .toList());

    private final BucketStore buckets;
    private final RateLimitProperties properties;
    private final BucketConfiguration bucket;
    private final ProblemWriter writer;
    private final AuditLog audit;
    private final MeterRegistry meters;

    RateLimitFilter(
            BucketStore buckets,
            RateLimitProperties properties,
            ProblemWriter writer,
            AuditLog audit,
            MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.bucket = properties.bucket();
        this.writer = writer;
        this.audit = audit;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.properties.enabled() || !ENDPOINTS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Client client =
                (authentication != null && authentication.getPrincipal() instanceof Client known) ? known : null;
        // Keyed by the credential kind too: a JWT subject can never share a configured client's bucket.
        String key = (client != null) ? client.principal() : "ip:" + request.getRemoteAddr();
        ConsumptionProbe probe;
        try {
            probe = this.buckets.bucket("rate-limit:" + key, () -> this.bucket).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException ex) {
            storeFailed(request, response, chain, ex);
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(this.properties.burst()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader(
                "RateLimit-Reset", Long.toString((probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        ApiException refusal = ApiException.of(
                        ProblemType.RATE_LIMITED, "Too many connection token requests. Retry after the delay given.")
                .retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        if (client != null) {
            this.audit.refused(client, null, refusal);
        } else {
            this.audit.refusedUnidentified(request.getRemoteAddr(), 429, ProblemType.RATE_LIMITED.code());
        }
        this.writer.write(request, response, refusal);
    }

    /** Counted by decision, so that an outage that opened (or closed) the limits shows in metrics, not only in logs. */
    private void storeFailed(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, RuntimeException ex)
            throws ServletException, IOException {
        boolean open = this.properties.failureMode() == RateLimitProperties.FailureMode.OPEN;
        this.meters
                .counter("connection.token.ratelimit.store.failures", "decision", open ? "allowed" : "refused")
                .increment();
        if (open) {
            log.warn("Rate limit store failed, letting the request through: {}", ex.toString());
            chain.doFilter(request, response);
            return;
        }
        log.warn("Rate limit store failed, refusing the request (failure-mode closed): {}", ex.toString());
        this.writer.write(
                request,
                response,
                ApiException.of(
                                ProblemType.RATE_LIMIT_UNAVAILABLE,
                                "The rate limit cannot be checked right now. Retry after the delay given.")
                        .retryAfter(Duration.ofSeconds(1)));
    }
}
