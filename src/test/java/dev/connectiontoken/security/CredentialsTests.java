package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;

/** Where an API key is found, and which presented values are refused before any client is looked up. */
class CredentialsTests {

    private final Credentials credentials = new Credentials();

    @ParameterizedTest
    @CsvSource({"X-Api-Key, ctk_key", "Authorization, Bearer ctk_key", "Authorization, bearer ctk_key"})
    void findsTheKeyInEitherHeader(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(header, value);

        assertThat(this.credentials.convert(request))
                .isNotNull()
                .satisfies((authentication) ->
                        assertThat(authentication.getCredentials()).isEqualTo("ctk_key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankApiKeyHeaderIsRefused(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Api-Key", value);

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.credentials.convert(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer    "})
    void blankBearerIsRefused(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", value);

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.credentials.convert(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaa.bbb.ccc", "aaa.bbb."})
    void jwtShapedBearerIsLeftToTheResourceServer(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer " + token);

        assertThat(this.credentials.convert(request)).isNull();
        assertThat(this.credentials.resolve(request)).isEqualTo(token);
    }
}
