package dev.connectiontoken.auth;

import dev.connectiontoken.client.ClientProperties;
import dev.connectiontoken.client.ClientRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/** The service's own security chain for {@code @WebMvcTest} slices in other packages, which cannot name it. */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({SecurityConfiguration.class, ClientRegistry.class})
@EnableConfigurationProperties({ClientProperties.class, JwtProperties.class, CorsProperties.class})
public class SecuritySliceConfiguration {}
