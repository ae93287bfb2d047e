package dev.connectiontoken.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link ConnectionTokenRequest} read by {@link ConnectionTokenRequestReader}. */
@Configuration(proxyBeanMethods = false)
class ConnectionTokenWebConfiguration implements WebMvcConfigurer {

    private final ConnectionTokenRequestReader reader;

    ConnectionTokenWebConfiguration(ConnectionTokenProperties properties, Validator validator) {
        this.reader = new ConnectionTokenRequestReader(properties, validator);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestResolver(this.reader));
    }

    private record RequestResolver(ConnectionTokenRequestReader reader) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ConnectionTokenRequest.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                @Nullable WebDataBinderFactory binderFactory) {
            return this.reader.read(webRequest.getNativeRequest(HttpServletRequest.class));
        }
    }
}
