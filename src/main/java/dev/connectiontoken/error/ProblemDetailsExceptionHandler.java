package dev.connectiontoken.error;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every exception that reaches Spring MVC in the one problem shape: our {@link ApiException}s unchanged,
 * framework exceptions (405, 415, 404, ...) completed with our type and {@code error} member, anything unexpected as
 * an opaque 500.
 */
@RestControllerAdvice
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while answering {}", request.getDescription(false), ex);
        ProblemDetail body = Problems.problem(
                ProblemType.INTERNAL_ERROR,
                ProblemType.INTERNAL_ERROR.code(),
                "The service failed unexpectedly. The error has been logged.",
                null);
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return createResponseEntity(Problems.forStatus(404), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        Object completed = (body instanceof ProblemDetail problem)
                ? Problems.complete(problem)
                : Problems.forStatus(statusCode.value(), "The request failed.");
        return super.createResponseEntity(completed, headers, statusCode, request);
    }
}
