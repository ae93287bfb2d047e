package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every exception that reaches Spring MVC in the one problem shape: framework ones (405 with {@code Allow},
 * 415, ...) completed with our type and members, anything unexpected as an opaque 500.
 */
@RestControllerAdvice
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemDetailsExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    /** What is not the framework's own: a failed Stripe call (its status is chosen here), the container's, the rest. */
    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Object> handleOther(Exception ex, WebRequest request) {
        ApiException answer;
        if (ex instanceof StripeFailure failure) {
            answer = ApiException.from(failure);
        } else if (ex instanceof InvalidParameterException invalid) {
            // The container could not parse the query string or form body (too many parameters, bad encoding).
            answer = (invalid.getErrorCode() == 413)
                    ? ApiException.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.")
                    : ApiException.of(
                            ProblemType.MALFORMED_REQUEST,
                            "The query string or form body could not be read (application/x-www-form-urlencoded).");
        } else {
            log.error("Unexpected error while answering {}", request.getDescription(false), ex);
            answer = ApiException.of(
                    ProblemType.INTERNAL_ERROR, "The service failed unexpectedly. The error has been logged.");
        }
        return handleExceptionInternal(ex, answer.getBody(), answer.getHeaders(), answer.getStatusCode(), request);
    }

    /** Writes the answer itself and returns no entity, which tells MVC that the response is complete. */
    @Override
    protected @Nullable ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
        ServletWebRequest servlet = (ServletWebRequest) request;
        try {
            this.writer.write(servlet.getRequest().getRequestURI(), servlet.getResponse(), problem, headers);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return null;
    }
}
