package dev.connectiontoken.token;

import dev.connectiontoken.api.StripeIds;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ErrorCode;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link ConnectionTokenRequest} from the query string and a form or JSON body, as strictly as Stripe reads its
 * own endpoint ({@link RequestParameters} holds the rules). The body is read here, bounded, and never through the
 * container's parameter parsing (see {@link FormUrlEncoding}). An empty body is accepted whatever its
 * {@code Content-Type}, as the Terminal SDK examples send several.
 */
@Component
class ConnectionTokenRequestReader {

    private static final byte[] NO_BODY = new byte[0];

    private final ConnectionTokenProperties properties;

    private final Validator validator;

    private final JsonParameters json;

    ConnectionTokenRequestReader(ConnectionTokenProperties properties, Validator validator, JsonMapper mapper) {
        this.properties = properties;
        this.validator = validator;
        this.json = new JsonParameters(mapper);
    }

    /**
     * The request's parameters, valid and within Stripe's limits.
     *
     * @throws ApiException 400 listing every bad parameter, 413 for a body over the limit, 415 for another media type
     */
    ConnectionTokenRequest read(HttpServletRequest request) {
        RequestParameters parameters = new RequestParameters();
        if (request.getQueryString() != null) {
            FormUrlEncoding.decode(request.getQueryString(), "query string", parameters);
        }
        byte[] body = readBody(request);
        if (body.length > 0) {
            decodeBody(request, body, parameters);
        }
        ConnectionTokenRequest result = new ConnectionTokenRequest(parameters.location(), parameters.expand());
        // A request without parameters, the SDKs' bare POST, satisfies every constraint: skip the validator's walk.
        // Violations join the reader's own list, which is bounded: a hostile request cannot make the error body large.
        if (!result.hasNoParameters()) {
            this.validator.validate(result).forEach((violation) -> reject(parameters, violation));
        }
        if (!parameters.errors().isEmpty()) {
            throw Problems.invalidParameters(parameters.errors());
        }
        return result;
    }

    private byte[] readBody(HttpServletRequest request) {
        long limit = this.properties.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try {
            // readNBytes allocates a buffer of the size asked for before it reads anything. With a Content-Length the
            // container delivers no more than it, so a buffer of that size is enough (none at all for a bare POST
            // with "Content-Length: 0").
            InputStream in = request.getInputStream();
            if (declared >= 0) {
                return in.readNBytes(Math.toIntExact(declared));
            }
            // Without one, a chunked body or none at all (curl's bare "-X POST"): the first byte tells which, so that
            // a request without a body allocates nothing. A chunked body is read up to one byte past the limit, to
            // detect it.
            int first = in.read();
            if (first < 0) {
                return NO_BODY;
            }
            byte[] rest = in.readNBytes(Math.toIntExact(limit));
            if (rest.length + 1 > limit) {
                throw tooLarge(limit);
            }
            byte[] body = new byte[rest.length + 1];
            body[0] = (byte) first;
            System.arraycopy(rest, 0, body, 1, rest.length);
            return body;
        } catch (IOException ex) {
            throw Problems.exception(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
        }
    }

    private void decodeBody(HttpServletRequest request, byte[] body, RequestParameters parameters) {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw unsupported("Content-Encoding " + encoding.strip() + " is not supported");
        }
        String contentType = request.getContentType();
        MediaType mediaType = mediaType(contentType);
        if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(mediaType)) {
            requireUtf8(mediaType);
            FormUrlEncoding.decode(new String(body, StandardCharsets.ISO_8859_1), "form body", parameters);
        } else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)) {
            requireUtf8(mediaType);
            this.json.decode(body, parameters);
        } else {
            throw unsupported(
                    "Content-Type " + mediaType.getType() + "/" + mediaType.getSubtype() + " is not supported");
        }
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("A request body needs a Content-Type");
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException ex) {
            throw unsupported("The Content-Type header is malformed");
        }
    }

    private static void requireUtf8(MediaType mediaType) {
        Charset charset;
        try {
            charset = mediaType.getCharset();
        } catch (IllegalArgumentException ex) {
            throw unsupported("The charset is unknown");
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw unsupported("Only UTF-8 is supported, not " + charset.name());
        }
    }

    private static void reject(RequestParameters parameters, ConstraintViolation<ConnectionTokenRequest> violation) {
        String param = violation.getPropertyPath().toString().replace(".<list element>", "");
        parameters.reject(param, ErrorCode.PARAMETER_INVALID, param + " " + violation.getMessage());
    }

    private static RuntimeException tooLarge(long limit) {
        return Problems.exception(
                ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
    }

    private static RuntimeException unsupported(String problem) {
        ApiException ex = Problems.exception(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                problem + ". Send application/x-www-form-urlencoded or application/json (UTF-8), or no body.");
        // RFC 9110, section 15.5.16: a 415 names the media types that would have worked.
        ex.getHeaders().set(HttpHeaders.ACCEPT, "application/x-www-form-urlencoded, application/json");
        return ex;
    }

    /**
     * The parameters of {@code POST /connection_token}, with the limits of Stripe's own endpoint.
     *
     * @param location the Stripe location to scope the token to
     * @param expand response fields to expand, forwarded to Stripe
     */
    @Schema(
            name = "ConnectionTokenRequest",
            description = "Strict like Stripe's endpoint: any other parameter is refused.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ConnectionTokenRequest(
            @Schema(description = "The Stripe location to scope the token to; omit it for an unscoped token.")
            @Nullable
            @Size(max = 5000, message = "must be at most 5000 characters")
            @Pattern(
                    regexp = StripeIds.LOCATION,
                    message = "must be a Stripe location id: tml_ followed by letters and digits")
            String location,

            @Schema(description = "Response fields to expand, forwarded to Stripe.")
            @Size(max = 20, message = "must list at most 20 fields")
            List<
                            @NotBlank(message = "must not be blank")
                            @Size(max = 5000, message = "must be at most 5000 characters") String>
                    expand) {

        ConnectionTokenRequest {
            expand = (expand != null) ? List.copyOf(expand) : List.of();
        }

        /** No parameter at all: no location, nothing to expand. */
        boolean hasNoParameters() {
            return this.location == null && this.expand.isEmpty();
        }
    }
}
