package dev.connectiontoken.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;

/**
 * Tomcat's last-resort error page, for requests that fail before any servlet sees them (a request line or headers over
 * the size limit, a malformed request line). Tomcat's own writes HTML; this writes the same problem JSON as everything
 * else, through the same {@link ProblemWriter}.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemWriter writer;

    ProblemErrorReportValve(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (response.getStatus() == 501) {
            // Tomcat's answer to a transfer coding it does not know (RFC 9112 allows it). The service implements
            // every method it means to: for it, such a request is malformed, the client's error.
            response.setStatus(400);
        }
        try {
            this.writer.write(null, response, Problems.forStatus(response.getStatus()), HttpHeaders.EMPTY);
            response.finishResponse();
        } catch (IOException | IllegalStateException ex) {
            // The connection is gone or the response already started: nothing more can be sent.
        }
    }
}
