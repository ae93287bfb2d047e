package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as problem JSON, wherever it surfaces: in Spring MVC, on the error path, or in Tomcat itself. */
@RestController
@RestControllerAdvice
class ProblemErrorHandler extends ResponseEntityExceptionHandler
        implements ErrorController, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter writer;

    ProblemErrorHandler(ProblemWriter writer) {
        this.writer = writer;
    }

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

    @RequestMapping("${server.error.path:/error}")
    void renderError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The caller's path, not this controller's; and a 404 for a call to the error path itself.
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ProblemDetail.forStatus((response.getStatus() >= 400) ? response.getStatus() : 404);
        this.writer.write((path instanceof String original) ? original : null, response, problem, HttpHeaders.EMPTY);
    }

    /** Tomcat adds no error report valve of its own when one of the host's named class is in the pipeline. */
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers((context) -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemValve());
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    private class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            // Tomcat's 501 for an unknown transfer coding (RFC 9112 allows it) is, here, the client's error.
            int status = (response.getStatus() == 501) ? 400 : response.getStatus();
            try {
                ProblemErrorHandler.this.writer.write(
                        null, response, ProblemDetail.forStatus(status), HttpHeaders.EMPTY);
                response.finishResponse();
            } catch (IOException | IllegalStateException ex) {
                // The connection is gone or the response already started: nothing more can be sent.
            }
        }
    }
}
