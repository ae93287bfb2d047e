package dev.connectiontoken.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} and in Swagger UI: the service's description, its credentials, and for
 * every operation each error status with the problem schema and one real example, and the headers answers carry.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI connectionTokenOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("connection-token-service")
                        .version("1")
                        .description("Mints Stripe Terminal connection tokens for point-of-sale apps. Errors are"
                                + " RFC 9457 problem details with a Stripe-style error member.")
                        .contact(new Contact().name("connection-token-service maintainers"))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("This service")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description(
                                                "A configured client's API key (also accepted as a bearer token)."))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key, or a JWT from the configured identity provider.")))
                // Either credential; none at all only when no client and no issuer is configured (open mode).
                .security(List.of(
                        new SecurityRequirement().addList("apiKey"),
                        new SecurityRequirement().addList("bearer"),
                        new SecurityRequirement()));
    }

    @Bean
    OpenApiCustomizer problemResponsesCustomizer() {
        return (openApi) -> {
            ModelConverters.getInstance()
                    .readAll(ProblemSchema.class)
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach((operation) -> {
                        addHeaders(operation.getResponses().get("200"), RATE_LIMIT_HEADERS);
                        addHeaders(operation.getResponses().get("200"), SUCCESS_HEADERS);
                        errorExamples(path).forEach((status, example) -> {
                            // A body can be too large or of the wrong type only where the operation takes one.
                            if (operation.getRequestBody() != null || !BODY_ERRORS.contains(status)) {
                                operation.getResponses().addApiResponse(status, errorResponse(example));
                            }
                        });
                        operation
                                .getResponses()
                                .values()
                                .forEach((response) -> addHeaders(response, REQUEST_ID_HEADER));
                    }));
        };
    }

    private static final Set<String> BODY_ERRORS = Set.of("413", "415");

    private static final Map<String, Header> REQUEST_ID_HEADER = Map.of(
            Endpoints.REQUEST_ID_HEADER,
            header("The request id: the caller's X-Request-Id when it is a sane token, a new UUID otherwise."));

    private static final Map<String, Header> RATE_LIMIT_HEADERS = rateLimitHeaders();

    private static Map<String, Header> rateLimitHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", integerHeader("The client's burst (when rate limits are on)."));
        headers.put("RateLimit-Remaining", integerHeader("Requests left in the client's bucket."));
        headers.put("RateLimit-Reset", integerHeader("Seconds until the bucket is full again."));
        return headers;
    }

    private static final Map<String, Header> SUCCESS_HEADERS = Map.of(
            "Cache-Control",
            header("Always no-store: answers are per caller and a token is never cached."),
            Endpoints.MODE_HEADER,
            header("offline when no Stripe key is set and the answer holds fakes; absent otherwise."));

    private static ApiResponse errorResponse(ErrorExample example) {
        ApiResponse response = new ApiResponse()
                .description(example.description())
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                        .addExamples(example.exception().code(), new Example().value(example.body()))));
        Map<String, Header> headers = new LinkedHashMap<>();
        if (example.retryAfter()) {
            headers.put("Retry-After", integerHeader("Seconds to wait before retrying."));
        }
        if (example.exception().type() == ProblemType.RATE_LIMITED) {
            headers.putAll(RATE_LIMIT_HEADERS);
        }
        addHeaders(response, headers);
        return response;
    }

    /** One real error per status an operation may answer, built by the same factory as the answers themselves. */
    private static Map<String, ErrorExample> errorExamples(String path) {
        Map<String, ErrorExample> examples = new LinkedHashMap<>();
        examples.put(
                "400",
                new ErrorExample(
                        "Invalid parameters (each listed in errors), or Stripe rejected them.",
                        ApiException.invalidParameters(List.of(ParameterError.unknown("locaton"))),
                        path));
        examples.put(
                "401",
                new ErrorExample(
                        "Missing, malformed or wrong credentials (when callers must authenticate).",
                        ApiException.of(
                                ProblemType.UNAUTHORIZED,
                                "Authentication required: send Authorization: Bearer <API key or JWT>, or X-Api-Key:"
                                        + " <API key>."),
                        path));
        examples.put(
                "403",
                new ErrorExample(
                        "A location outside the client's allowed list, or a browser origin not allowed.",
                        ApiException.of(
                                ProblemType.LOCATION_NOT_ALLOWED,
                                "location_not_allowed",
                                "This client may not mint tokens for location tml_Other.",
                                "location"),
                        path));
        examples.put(
                "413",
                new ErrorExample(
                        "The body is larger than the limit.",
                        ApiException.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 8192 bytes."),
                        path));
        examples.put(
                "415",
                new ErrorExample(
                        "A body in another media type or charset.",
                        ApiException.of(
                                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                                "Content-Type text/plain is not supported. Send application/x-www-form-urlencoded or"
                                        + " application/json (UTF-8), or no body."),
                        path));
        examples.put(
                "429",
                new ErrorExample(
                        "Over the client's (or address's) rate limit.",
                        ApiException.of(
                                ProblemType.RATE_LIMITED,
                                "Too many connection token requests. Retry after the delay given."),
                        path));
        examples.put(
                "502",
                new ErrorExample(
                        "Stripe refused this service or answered unexpectedly.",
                        ApiException.of(
                                ProblemType.STRIPE_MISCONFIGURED,
                                "Stripe refused this service's credentials. This is a server configuration problem;"
                                        + " retrying will not help."),
                        path));
        examples.put(
                "503",
                new ErrorExample(
                        "Stripe is unreachable or rate limiting this service, too many calls are in flight, or the"
                                + " rate-limit store failed (closed mode).",
                        ApiException.of(ProblemType.STRIPE_UNAVAILABLE, "Stripe could not be reached. Retry later."),
                        path));
        examples.put(
                "504",
                new ErrorExample(
                        "Stripe did not answer in time.",
                        ApiException.of(ProblemType.STRIPE_TIMEOUT, "Stripe did not answer in time. Retry later."),
                        path));
        return examples;
    }

    private static void addHeaders(ApiResponse response, Map<String, Header> headers) {
        if (response != null) {
            headers.forEach(response::addHeaderObject);
        }
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static Header integerHeader(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }

    /** An error status as the document shows it. */
    private record ErrorExample(String description, ApiException exception, String path) {

        boolean retryAfter() {
            return this.exception.type() == ProblemType.RATE_LIMITED
                    || this.exception.getStatusCode().value() == 503;
        }

        Map<String, Object> body() {
            return Problems.example(this.exception, this.path);
        }
    }
}
