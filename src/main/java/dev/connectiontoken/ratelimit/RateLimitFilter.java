package dev.connectiontoken.ratelimit;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ProblemResponseWriter;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /connection_token} per authenticated client, or per IP address for callers that do not authenticate.
 * Runs in the security chain after authentication, so the client is known. Over the limit: 429 with
 * {@code Retry-After} and {@code RateLimit-*} headers. If the limit store fails, the request goes through: the limit
 * protects against abuse, and authentication still applies.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;

    private final RateLimitProperties properties;

    private final ProblemResponseWriter writer;

    private final AuditLog audit;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ProblemResponseWriter writer, AuditLog audit) {
        this.limiter = limiter;
        this.properties = properties;
        this.writer = writer;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.properties.enabled() || !"/connection_token".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = authenticatedClient();
        String key = (client != null) ? "client:" + client.id() : "ip:" + request.getRemoteAddr();
        ConsumptionProbe probe;
        try {
            probe = this.limiter.tryConsume(key);
        } catch (RuntimeException ex) {
            log.warn("Rate limit store failed, letting the request through: {}", ex.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(this.properties.burst()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        if (client != null) {
            this.audit.refused(client, null, 429, ProblemType.RATE_LIMITED.code(), null);
        } else {
            this.audit.refusedUnidentified(request.getRemoteAddr(), 429, ProblemType.RATE_LIMITED.code());
        }
        ApiException refusal = Problems.exception(
                        ProblemType.RATE_LIMITED, "Too many connection token requests. Retry after the delay given.")
                .retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        this.writer.write(request, response, refusal);
    }

    private static @Nullable Client authenticatedClient() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication != null && authentication.getPrincipal() instanceof Client client) ? client : null;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
