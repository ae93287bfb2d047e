package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.connectiontoken.error.ApiException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader skips bean validation for the SDKs' bare POST (nothing to check, and it is most of the traffic) and
 * validates every request that carries a parameter.
 */
class ConnectionTokenRequestReaderTests {

    private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

    private final Validator validator = spy(this.factory.getValidator());

    private final ConnectionTokenRequestReader reader = new ConnectionTokenRequestReader(
            new ConnectionTokenProperties(DataSize.ofKilobytes(8)),
            this.validator,
            JsonMapper.builder().build());

    @AfterEach
    void close() {
        this.factory.close();
    }

    @Test
    void bareRequestsAreNotValidated() {
        MockHttpServletRequest bare = new MockHttpServletRequest("POST", "/connection_token");
        MockHttpServletRequest emptyJson = withBody("application/json", "{}");
        MockHttpServletRequest emptyForm = withBody("application/x-www-form-urlencoded", "");

        for (MockHttpServletRequest request : List.of(bare, emptyJson, emptyForm)) {
            assertThat(this.reader.read(request).hasNoParameters()).isTrue();
        }
        verifyNoInteractions(this.validator);
    }

    @Test
    void aRequestWithAParameterIsValidated() {
        MockHttpServletRequest scoped = withBody("application/x-www-form-urlencoded", "location=tml_abc123");

        assertThat(this.reader.read(scoped).location()).isEqualTo("tml_abc123");
        verify(this.validator).validate(any());
    }

    @Test
    void anInvalidParameterIsStillRefused() {
        MockHttpServletRequest blankExpand = withBody("application/json", "{\"expand\":[\" \"]}");
        MockHttpServletRequest badLocation = withBody("application/x-www-form-urlencoded", "location=not-a-location");

        for (MockHttpServletRequest request : List.of(blankExpand, badLocation)) {
            assertThatExceptionOfType(ApiException.class)
                    .isThrownBy(() -> this.reader.read(request))
                    .satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
        verify(this.validator, times(2)).validate(any());
    }

    @Test
    void aBarePostWithoutContentLengthAsksForNoBuffer() {
        // curl's bare "-X POST": no Content-Length, no body. readNBytes would allocate its buffer before finding none.
        MockHttpServletRequest bare = new MockHttpServletRequest("POST", "/connection_token") {
            @Override
            public ServletInputStream getInputStream() {
                return new EmptyStream();
            }
        };

        assertThat(bare.getContentLengthLong()).isEqualTo(-1);
        assertThat(this.reader.read(bare).hasNoParameters()).isTrue();
    }

    /** A body-less stream that fails any read that would allocate a buffer. */
    private static final class EmptyStream extends ServletInputStream {

        @Override
        public int read() {
            return -1;
        }

        @Override
        public byte[] readNBytes(int len) {
            throw new AssertionError("readNBytes(" + len + ") on a request without a body");
        }

        @Override
        public byte[] readAllBytes() {
            throw new AssertionError("readAllBytes() on a request without a body");
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private static MockHttpServletRequest withBody(String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/connection_token");
        request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
