package dev.connectiontoken.security;

import dev.connectiontoken.client.ClientProperties;
import dev.connectiontoken.client.ClientRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * The service's own security chain for {@code @WebMvcTest} slices in other packages, which cannot name it. Imported
 * by those slices; deliberately not a {@code @Configuration}, so that component scanning never picks it up.
 */
@EnableWebSecurity
@Import({SecurityConfiguration.class, ClientRegistry.class})
@EnableConfigurationProperties({ClientProperties.class, SecurityProperties.class})
public class SecuritySliceConfiguration {}
