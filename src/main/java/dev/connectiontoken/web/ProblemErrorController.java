package dev.connectiontoken.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} JSON for errors that never reach Spring MVC's handlers: those the servlet container
 * raises itself (a malformed request line, an oversized header) and those sent from filters.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    void renderError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = (attribute instanceof Integer code && code >= 400) ? code : 404;
        // The caller's path, not this controller's (/error).
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        this.writer.write(
                (path instanceof String original) ? original : null,
                response,
                Problems.forStatus(status),
                HttpHeaders.EMPTY);
    }
}
