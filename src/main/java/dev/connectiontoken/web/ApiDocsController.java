package dev.connectiontoken.web;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API description, {@code openapi.json}: written by hand as the contract that a test checks real answers
 * against, rather than generated from annotations spread over the code. Swagger UI shows it.
 */
@RestController
@Import(ApiDocsController.SwaggerUi.class)
class ApiDocsController {

    private final Resource document = new ClassPathResource("openapi.json");

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource apiDocs() {
        return this.document;
    }

    /** What springdoc's Swagger UI needs when springdoc generates no document (springdoc's FAQ). */
    @Configuration(proxyBeanMethods = false)
    static class SwaggerUi {

        @Bean
        SpringDocConfiguration springDocConfiguration() {
            return new SpringDocConfiguration();
        }

        @Bean
        SpringDocConfigProperties springDocConfigProperties() {
            return new SpringDocConfigProperties();
        }

        @Bean
        ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties properties) {
            return new ObjectMapperProvider(properties);
        }
    }
}
