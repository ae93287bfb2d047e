package dev.connectiontoken.token;

import jakarta.validation.Validator;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Registers {@link ConnectionTokenRequestResolver}, so that the controller's signature names what it binds. */
@Configuration(proxyBeanMethods = false)
class ConnectionTokenConfiguration implements WebMvcConfigurer {

    private final ConnectionTokenRequestResolver resolver;

    ConnectionTokenConfiguration(JsonMapper mapper, Validator validator, ConnectionTokenProperties properties) {
        this.resolver = new ConnectionTokenRequestResolver(
                mapper, validator, properties.maxBodySize().toBytes());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this.resolver);
    }
}
