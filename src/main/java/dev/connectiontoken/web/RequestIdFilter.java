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
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID otherwise. The id is
 * echoed in the response, put in every log line (MDC {@code request_id}) and in every error body. It runs first, and
 * again on the container's error dispatch, so errors raised anywhere carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final String HEADER = Endpoints.REQUEST_ID_HEADER;

    private static final String MDC_KEY = Problems.REQUEST_ID;

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestId(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String requestId(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String earlier) {
            return earlier;
        }
        String given = request.getHeader(HEADER);
        return (given != null && ACCEPTED.matcher(given).matches())
                ? given
                : UUID.randomUUID().toString();
    }
}
