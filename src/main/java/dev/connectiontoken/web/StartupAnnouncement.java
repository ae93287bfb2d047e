package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeMode;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the service is ready, where to call it and where its API description is: what one looks for first. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final Environment environment;

    private final StripeMode mode;

    StartupAnnouncement(Environment environment, StripeMode mode) {
        this.environment = environment;
        this.mode = mode;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!this.environment.getProperty("spring.main.log-startup-info", Boolean.class, true)) {
            return;
        }
        String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
        log.info(
                "Ready in {} mode: POST {}{} mints connection tokens; API description at {}{}",
                this.mode.name().toLowerCase(Locale.ROOT),
                base,
                Endpoints.CONNECTION_TOKEN,
                base,
                this.environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"));
    }
}
