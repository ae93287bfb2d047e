package dev.connectiontoken.token;

import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.ParameterError;
import dev.connectiontoken.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a {@link ConnectionTokenRequest} as strictly as Stripe reads its own endpoint: from the query string and a form
 * body (parsed by the servlet container) or a JSON body (read by the strict JSON mapper). Nothing is silently dropped;
 * an empty body is accepted whatever its {@code Content-Type}, as the Terminal SDKs send several.
 */
@Component
class ConnectionTokenRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

    private final JsonMapper mapper;
    private final Validator validator;
    private final long maxBodySize;

    ConnectionTokenRequestResolver(JsonMapper mapper, Validator validator, ConnectionTokenProperties properties) {
        this.mapper = mapper;
        this.validator = validator;
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    @Override // registers itself with Spring MVC
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ConnectionTokenRequest.class;
    }

    @Override
    public ConnectionTokenRequest resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory)
            throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        ConnectionTokenRequest json = isJsonBody(request) ? readJson(request) : null;
        List<ParameterError> errors = new ArrayList<>();
        ConnectionTokenRequest parameters = ConnectionTokenRequest.fromParameters(request.getParameterMap(), errors);
        ConnectionTokenRequest result = (json != null) ? merge(json, parameters, errors) : parameters;
        if ("".equals(result.location())) {
            errors.add(new ParameterError(
                    "location",
                    "parameter_invalid_empty",
                    "location must not be empty: omit it for an unscoped token"));
            result = new ConnectionTokenRequest(null, result.expand());
        }
        this.validator.validate(result).forEach((violation) -> {
            String param = violation.getPropertyPath().toString().replace(".<list element>", "");
            errors.add(new ParameterError(param, "parameter_invalid", param + " " + violation.getMessage()));
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalidParameters(errors.subList(0, Math.min(20, errors.size())));
        }
        return result;
    }

    /** Whether the body is JSON rather than a form or nothing; any other body is a 415. */
    private boolean isJsonBody(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > this.maxBodySize) {
            throw tooLarge();
        }
        String encoding =
                String.valueOf(request.getHeader(HttpHeaders.CONTENT_ENCODING)).strip();
        if (!encoding.equals("null") && !encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
            throw unsupported("Content-Encoding " + encoding + " is not supported");
        }
        MediaType type;
        Charset charset;
        try {
            String header = request.getContentType();
            type = (header == null || header.isBlank()) ? null : MediaType.parseMediaType(header);
            charset = (type != null) ? type.getCharset() : null;
        } catch (IllegalArgumentException ex) {
            throw unsupported("The Content-Type header is malformed or names an unknown charset");
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            throw unsupported("Only UTF-8 is supported, not " + charset.name());
        }
        boolean readable = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type);
        if (!readable && (length > 0 || (length < 0 && request.getInputStream().read() >= 0))) {
            throw unsupported(
                    (type == null)
                            ? "A request body needs a Content-Type"
                            : "Content-Type " + type.getType() + "/" + type.getSubtype() + " is not supported");
        }
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
    }

    private @Nullable ConnectionTokenRequest readJson(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(this.maxBodySize + 1));
        if (body.length > this.maxBodySize) {
            throw tooLarge();
        }
        try (JsonParser parser = this.mapper.createParser(body)) {
            return (parser.nextToken() == null) ? null : this.mapper.readValue(parser, ConnectionTokenRequest.class);
        } catch (UnrecognizedPropertyException ex) {
            throw ApiException.invalidParameters(List.of(ParameterError.unknown(ex.getPropertyName())));
        } catch (MismatchedInputException ex) {
            if (ex.getPath().isEmpty()) {
                throw ApiException.of(ProblemType.MALFORMED_REQUEST, "The JSON body must be an object.");
            }
            StringBuilder param = new StringBuilder();
            ex.getPath()
                    .forEach((ref) -> param.append(
                            (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]"));
            throw ApiException.invalidParameters(List.of(new ParameterError(
                    param.toString(), "parameter_invalid_type", param + " has the wrong type in the JSON body")));
        } catch (JacksonException ex) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
            if (duplicate.find()) {
                String name = duplicate.group(1);
                throw ApiException.invalidParameters(List.of(
                        new ParameterError(name, "parameter_duplicate", name + " was sent twice in the JSON body")));
            }
            TokenStreamLocation at = ex.getLocation();
            String where = (at != null) ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
            throw ApiException.of(ProblemType.MALFORMED_REQUEST, "The JSON body is not valid JSON" + where + ".");
        }
    }

    /** Parameters may come from the query string and a JSON body; where both have one, they must agree. */
    private static ConnectionTokenRequest merge(
            ConnectionTokenRequest json, ConnectionTokenRequest query, List<ParameterError> errors) {
        String location = (json.location() != null) ? json.location() : query.location();
        if (query.location() != null && !query.location().equals(location)) {
            errors.add(new ParameterError("location", "parameter_duplicate", "location differs in query and body"));
        }
        List<String> expand = json.expand().isEmpty() ? query.expand() : json.expand();
        if (!query.expand().isEmpty() && !query.expand().equals(expand)) {
            errors.add(new ParameterError("expand", "parameter_duplicate", "expand differs in query and body"));
        }
        return new ConnectionTokenRequest(location, expand);
    }

    private ApiException tooLarge() {
        return ApiException.of(
                ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than " + this.maxBodySize + " bytes.");
    }

    private static ApiException unsupported(String problem) {
        ApiException ex = ApiException.of(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                problem + ". Send application/x-www-form-urlencoded or application/json (UTF-8), or no body.");
        // RFC 9110, section 15.5.16: a 415 names the media types that would have worked.
        ex.getHeaders().set(HttpHeaders.ACCEPT, "application/x-www-form-urlencoded, application/json");
        return ex;
    }
}
