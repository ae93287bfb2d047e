package dev.connectiontoken.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} JSON for errors that never reach Spring MVC's handlers: those the servlet container
 * raises itself (a malformed request line, an oversized header) and those sent from filters.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> renderError(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = (attribute instanceof Integer code && code >= 400) ? code : 404;
        ProblemDetail body = Problems.forStatus(status);
        // The instance would be /error, the path of this controller, not the caller's.
        body.setInstance(null);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == 405 && "/connection_token".equals(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            response.header(HttpHeaders.ALLOW, "POST");
        }
        return response.body(body);
    }
}
