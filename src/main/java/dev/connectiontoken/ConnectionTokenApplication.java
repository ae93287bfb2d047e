package dev.connectiontoken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Boots the service that mints Stripe Terminal connection tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectionTokenApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConnectionTokenApplication.class, args);
    }
}
