package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tomcat.util.http.InvalidParameterException;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

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

    /** The status of a failed Stripe call is chosen here, not where Stripe was called. */
    @ExceptionHandler(StripeFailure.class)
    @Nullable
    ResponseEntity<Object> handleStripeFailure(StripeFailure failure, WebRequest request) {
        return handleApiException(ApiException.from(failure), request);
    }

    /** The servlet container could not parse the query string or form body (too many parameters, bad encoding). */
    @ExceptionHandler(InvalidParameterException.class)
    @Nullable
    ResponseEntity<Object> handleInvalidParameters(InvalidParameterException ex, WebRequest request) {
        return handleApiException(
                (ex.getErrorCode() == 413)
                        ? ApiException.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.")
                        : ApiException.of(
                                ProblemType.MALFORMED_REQUEST,
                                "The query string or form body could not be read (application/x-www-form-urlencoded)."),
                request);
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while answering {}", request.getDescription(false), ex);
        ApiException opaque = ApiException.of(
                ProblemType.INTERNAL_ERROR, "The service failed unexpectedly. The error has been logged.");
        return createResponseEntity(opaque.getBody(), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** MVC's own detail names a static resource; ours says where tokens are minted. */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return createResponseEntity(ProblemWriter.forStatus(404), headers, status, request);
    }

    /** Writes the answer itself and returns no entity, which tells MVC that the response is complete. */
    @Override
    protected @Nullable ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = ProblemWriter.complete(
                (body instanceof ProblemDetail detail)
                        ? detail
                        : ProblemDetail.forStatusAndDetail(statusCode, "The request failed."));
        ServletWebRequest servlet = (ServletWebRequest) request;
        try {
            this.writer.write(servlet.getRequest().getRequestURI(), servlet.getResponse(), problem, headers);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return null;
    }

    private @Nullable ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
        return handleErrorResponseException(ex, ex.getHeaders(), ex.getStatusCode(), request);
    }
}
