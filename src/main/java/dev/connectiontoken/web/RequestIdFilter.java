package dev.connectiontoken.web;

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
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane token, a new UUID otherwise) for the
 * response, the log lines and error bodies. It runs first, and again on the error dispatch, so every error has it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Endpoints.REQUEST_ID_HEADER);
        String id = (request.getAttribute(ProblemWriter.REQUEST_ID) instanceof String earlier)
                ? earlier
                : (given != null && SANE.matcher(given).matches())
                        ? given
                        : UUID.randomUUID().toString();
        request.setAttribute(ProblemWriter.REQUEST_ID, id);
        response.setHeader(Endpoints.REQUEST_ID_HEADER, id);
        MDC.put(ProblemWriter.REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ProblemWriter.REQUEST_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
