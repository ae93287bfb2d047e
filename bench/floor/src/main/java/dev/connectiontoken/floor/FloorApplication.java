package dev.connectiontoken.floor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot MVC service shaped like connection-token-service: {@code POST /connection_token} answers a
 * fixed secret after 50 ms, the Stripe stand-in's delay in the bench, so that under load as many requests wait at once
 * as in the service. bench/floor.sh measures its first answer and its memory beside the service's.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @PostMapping("/connection_token")
    Map<String, String> connectionToken() throws InterruptedException {
        Thread.sleep(50);
        return Map.of("secret", "pst_test_floor");
    }
}
