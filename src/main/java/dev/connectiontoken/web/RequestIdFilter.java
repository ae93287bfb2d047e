package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a sane {@code X-Request-Id}, else a UUID) for the response, the logs and error bodies; in
 * offline mode, marks every answer with {@code Connection-Token-Mode: offline}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final boolean offline;

    RequestIdFilter(StripeMode mode) {
        this.offline = mode.isOffline();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object earlier = request.getAttribute(ProblemWriter.REQUEST_ID);
        String given = (earlier != null) ? earlier.toString() : request.getHeader(Endpoints.REQUEST_ID_HEADER);
        String id = (given != null && SANE.matcher(given).matches())
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(ProblemWriter.REQUEST_ID, id);
        response.setHeader(Endpoints.REQUEST_ID_HEADER, id);
        if (this.offline) {
            response.setHeader(Endpoints.MODE_HEADER, "offline");
        }
        try (MDC.MDCCloseable context = MDC.putCloseable(ProblemWriter.REQUEST_ID, id)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
