package dev.connectiontoken.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error with its finished problem body, thrown anywhere and rendered unchanged by the MVC error handler. */
public class ApiException extends ErrorResponseException {

    ApiException(ProblemDetail body, @Nullable Throwable cause) {
        super(HttpStatusCode.valueOf(body.getStatus()), body, cause);
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    public ApiException retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return this;
    }
}
