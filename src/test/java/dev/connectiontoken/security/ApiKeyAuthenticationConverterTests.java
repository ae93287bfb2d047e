package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;

/** Where an API key is found, and which presented values are refused before any client is looked up. */
class ApiKeyAuthenticationConverterTests {

    private final ApiKeyAuthenticationConverter converter = new ApiKeyAuthenticationConverter();

    @ParameterizedTest
    @CsvSource({"X-Api-Key, ctk_key", "Authorization, Bearer ctk_key", "Authorization, bearer ctk_key"})
    void findsTheKeyInEitherHeader(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(header, value);

        assertThat(this.converter.convert(request))
                .isNotNull()
                .satisfies((authentication) ->
                        assertThat(authentication.getCredentials()).isEqualTo("ctk_key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankApiKeyHeaderIsRefused(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Api-Key", value);

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.converter.convert(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer    "})
    void blankBearerIsRefused(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", value);

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.converter.convert(request));
    }
}
