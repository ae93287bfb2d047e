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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a {@link ConnectionTokenRequest} as strictly as Stripe reads its own endpoint: from the query string and a form
 * body (parsed by the servlet container) or a JSON body (read by Jackson with unknown properties, duplicate keys and
 * type coercion refused). An unknown parameter, a parameter sent twice with different values or a body over the limit
 * is an error, never dropped. An empty body is accepted whatever its {@code Content-Type}, as the Terminal SDKs send
 * several.
 */
final class ConnectionTokenRequestResolver implements HandlerMethodArgumentResolver {

    /** Jackson's message for a member sent twice (strict duplicate detection). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

    /** Stripe's list encodings: {@code expand[0]=a} (ordered by index), {@code expand[]=a} and {@code expand=a}. */
    private static final Pattern EXPAND = Pattern.compile("expand(?:\\[(\\d{1,4})?])?");

    private final JsonMapper mapper;

    private final Validator validator;

    private final long maxBodySize;

    ConnectionTokenRequestResolver(JsonMapper mapper, Validator validator, long maxBodySize) {
        this.mapper = mapper;
        this.validator = validator;
        this.maxBodySize = maxBodySize;
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
        if (request.getContentLengthLong() > this.maxBodySize) {
            throw tooLarge();
        }
        MediaType type = contentType(request);
        boolean isJson = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
        if (!isJson && !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            requireNoBody(request, type);
        }
        ConnectionTokenRequest json = isJson ? readJson(request) : null;
        List<ParameterError> errors = new ArrayList<>();
        ConnectionTokenRequest result = merge(json, fromParameters(request.getParameterMap(), errors), errors);
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
                throw ApiException.of(
                        ProblemType.MALFORMED_REQUEST,
                        "The JSON body must be an object, such as" + " {\"location\": \"tml_...\"}.");
            }
            String param = param(ex);
            throw ApiException.invalidParameters(List.of(new ParameterError(
                    param,
                    "parameter_invalid_type",
                    "The JSON body must be an object with a string location and" + " an array of strings expand; "
                            + param + " is not.")));
        } catch (JacksonException ex) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
            if (duplicate.find()) {
                String name = duplicate.group(1);
                throw ApiException.invalidParameters(List.of(
                        new ParameterError(name, "parameter_duplicate", name + " was sent twice in the JSON body")));
            }
            throw ApiException.of(ProblemType.MALFORMED_REQUEST, "The JSON body is not valid JSON" + where(ex) + ".");
        }
    }

    /** The parameter at fault as the caller named it, such as {@code expand[1]}. */
    private static String param(MismatchedInputException ex) {
        StringBuilder param = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            param.append(
                    (reference.getPropertyName() != null)
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]");
        }
        return param.isEmpty() ? "body" : param.toString();
    }

    private static ConnectionTokenRequest fromParameters(
            Map<String, String[]> parameters, List<ParameterError> errors) {
        String location = null;
        Map<Integer, String> indexed = new TreeMap<>();
        List<String> expand = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = Arrays.asList(parameter.getValue());
            Matcher expandName = EXPAND.matcher(name);
            if (name.equals("location")) {
                location = single(name, values, errors);
            } else if (expandName.matches() && expandName.group(1) != null) {
                indexed.put(Integer.valueOf(expandName.group(1)), single(name, values, errors));
            } else if (expandName.matches()) {
                expand.addAll(values);
            } else {
                errors.add(ParameterError.unknown(name));
            }
        }
        expand.addAll(0, indexed.values());
        return new ConnectionTokenRequest(location, expand);
    }

    /** One value, or several that are all the same (the query string and the body may both carry it). */
    private static String single(String name, List<String> values, List<ParameterError> errors) {
        if (values.stream().distinct().count() > 1) {
            errors.add(new ParameterError(name, "parameter_duplicate", name + " was sent twice with different values"));
        }
        return values.get(0);
    }

    /** Parameters may come from the query string and a JSON body; each must agree where both have it. */
    private static ConnectionTokenRequest merge(
            @Nullable ConnectionTokenRequest json, ConnectionTokenRequest query, List<ParameterError> errors) {
        if (json == null) {
            return query;
        }
        if (json.location() != null
                && query.location() != null
                && !json.location().equals(query.location())) {
            errors.add(new ParameterError(
                    "location",
                    "parameter_duplicate",
                    "location was sent in the query string and the body with different values"));
        }
        if (!json.expand().isEmpty()
                && !query.expand().isEmpty()
                && !json.expand().equals(query.expand())) {
            errors.add(new ParameterError(
                    "expand",
                    "parameter_duplicate",
                    "expand was sent in the query string and the body with different values"));
        }
        return new ConnectionTokenRequest(
                (json.location() != null) ? json.location() : query.location(),
                json.expand().isEmpty() ? query.expand() : json.expand());
    }

    /** The body's media type; a body must be UTF-8 (or ASCII) and not compressed. */
    private static @Nullable MediaType contentType(HttpServletRequest request) {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw unsupported("Content-Encoding " + encoding.strip() + " is not supported");
        }
        String header = request.getContentType();
        try {
            MediaType type = (header == null || header.isBlank()) ? null : MediaType.parseMediaType(header);
            Charset charset = (type != null) ? type.getCharset() : null;
            if (charset != null
                    && !charset.equals(StandardCharsets.UTF_8)
                    && !charset.equals(StandardCharsets.US_ASCII)) {
                throw unsupported("Only UTF-8 is supported, not " + charset.name());
            }
            return type;
        } catch (IllegalArgumentException ex) {
            throw unsupported("The Content-Type header is malformed or names an unknown charset");
        }
    }

    /** A body of another type is refused; an empty one (a bare POST of any shape) is fine. */
    private static void requireNoBody(HttpServletRequest request, @Nullable MediaType type) throws IOException {
        long length = request.getContentLengthLong();
        if (length > 0 || (length < 0 && request.getInputStream().read() >= 0)) {
            throw unsupported(
                    (type == null)
                            ? "A request body needs a Content-Type"
                            : "Content-Type " + type.getType() + "/" + type.getSubtype() + " is not supported");
        }
    }

    private static String where(JacksonException ex) {
        return (ex.getLocation() != null)
                ? " (line " + ex.getLocation().getLineNr() + ", column "
                        + ex.getLocation().getColumnNr() + ")"
                : "";
    }

    private ApiException tooLarge() {
        return ApiException.of(
                ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + this.maxBodySize + " bytes.");
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
