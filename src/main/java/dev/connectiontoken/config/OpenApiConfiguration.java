package dev.connectiontoken.config;

import dev.connectiontoken.error.ProblemSchema;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the service's description, and every error response of every
 * operation described with the one problem schema.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final Map<String, String> ERROR_RESPONSES = errorResponses();

    @Bean
    OpenAPI connectionTokenOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("connection-token-service")
                        .version("1")
                        .description("Mints Stripe Terminal connection tokens for point-of-sale apps. Errors are"
                                + " RFC 9457 problem details with a Stripe-style error member."))
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
            Content problem = new Content()
                    .addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            openApi.getPaths()
                    .values()
                    .forEach((path) -> path.readOperations()
                            .forEach((operation) -> ERROR_RESPONSES.forEach((status, description) -> operation
                                    .getResponses()
                                    .addApiResponse(
                                            status,
                                            new ApiResponse()
                                                    .description(description)
                                                    .content(problem)))));
        };
    }

    private static Map<String, String> errorResponses() {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("400", "Invalid parameters, or Stripe rejected them.");
        responses.put("401", "Missing, malformed or wrong credentials (when callers must authenticate).");
        responses.put("403", "A location outside the client's allowed list, or a browser origin not allowed.");
        responses.put("405", "A method other than POST.");
        responses.put("413", "The body is larger than the limit.");
        responses.put("415", "A body in another media type or charset.");
        responses.put("429", "Over the client's (or address's) rate limit; see Retry-After and RateLimit-*.");
        responses.put("502", "Stripe refused this service or answered unexpectedly.");
        responses.put("503", "Stripe is unreachable or rate limiting this service; see Retry-After.");
        responses.put("504", "Stripe did not answer in time.");
        return responses;
    }
}
