package dev.connectiontoken.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem JSON, not Boot's {@code /error} JSON or Tomcat's HTML, for errors that never reach Spring MVC's handlers:
 * those sent from filters or raised by the container, some before any servlet runs (an oversized header).
 */
@RestController
class ProblemErrorController implements ErrorController, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
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

    /** Tomcat's last-resort error page, for requests that fail before any servlet sees them. */
    private class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            if (response.getStatus() == 501) {
                // Tomcat's answer to a transfer coding it does not know (RFC 9112 allows it): for this service, such
                // a request is malformed, the client's error.
                response.setStatus(400);
            }
            try {
                ProblemErrorController.this.writer.write(
                        null, response, ProblemDetail.forStatus(response.getStatus()), HttpHeaders.EMPTY);
                response.finishResponse();
            } catch (IOException | IllegalStateException ex) {
                // The connection is gone or the response already started: nothing more can be sent.
            }
        }
    }
}
