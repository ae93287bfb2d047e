package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeMode;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written {@code openapi.json} (a test checks real answers against it) and logs where to start. */
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);

    private final StripeMode mode;

    ApiDocsController(StripeMode mode) {
        this.mode = mode;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource apiDocs() {
        return new ClassPathResource("openapi.json");
    }

    @EventListener
    void announce(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        if (environment.getProperty("spring.main.log-startup-info", Boolean.class, true)) {
            String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
            boolean ui = environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true);
            log.info(
                    "Ready in {} mode: POST {} mints connection tokens; API description at {}",
                    this.mode.name().toLowerCase(Locale.ROOT),
                    base + Endpoints.CONNECTION_TOKEN,
                    base + (ui ? environment.getRequiredProperty("springdoc.swagger-ui.path") : "/v3/api-docs"));
        }
    }

    /** Swagger UI needs this and the next two beans when springdoc generates no document (springdoc's FAQ). */
    @Bean
    static SpringDocConfiguration springDocConfiguration() {
        return new SpringDocConfiguration();
    }

    @Bean
    static SpringDocConfigProperties springDocConfigProperties() {
        return new SpringDocConfigProperties();
    }

    @Bean
    static ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties properties) {
        return new ObjectMapperProvider(properties);
    }
}
