package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ParameterError;
import dev.connectiontoken.error.ProblemType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The JSON decoder: members one by one, no coercion, duplicates seen, malformed bodies refused. */
class JsonParametersTests {

    private final JsonParameters json = new JsonParameters(JsonMapper.builder().build());

    private final RequestParameters parameters = new RequestParameters();

    @Test
    void readsLocationAndExpand() {
        decode("{\"location\": \"tml_A1\", \"expand\": [\"location\", \"x\"]}");

        assertThat(this.parameters.errors()).isEmpty();
        assertThat(this.parameters.location()).isEqualTo("tml_A1");
        assertThat(this.parameters.expand()).containsExactly("location", "x");
    }

    @Test
    void nullMeansAbsent() {
        decode("{\"location\": null, \"expand\": null}");

        assertThat(this.parameters.errors()).isEmpty();
        assertThat(this.parameters.location()).isNull();
        assertThat(this.parameters.expand()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"location\": 5}", "{\"location\": true}", "{\"location\": [\"tml_A\"]}"})
    void locationOfAnotherTypeIsNotCoerced(String body) {
        decode(body);

        assertThat(this.parameters.errors())
                .extracting(ParameterError::param, ParameterError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("location", "parameter_invalid_type"));
    }

    @Test
    void expandItemsOfAnotherTypeAreNamedByIndex() {
        decode("{\"expand\": [\"a\", 1]}");

        assertThat(this.parameters.errors()).extracting(ParameterError::param).containsExactly("expand[1]");
    }

    @Test
    void keyRepeatedWithAnotherValueIsADuplicate() {
        decode("{\"location\": \"tml_A\", \"location\": \"tml_B\"}");

        assertThat(this.parameters.errors()).extracting(ParameterError::code).containsExactly("parameter_duplicate");
    }

    @Test
    void unknownMemberIsNamed() {
        decode("{\"locaton\": \"tml_A\"}");

        assertThat(this.parameters.errors())
                .extracting(ParameterError::message)
                .containsExactly("Received unknown parameter: locaton");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"tml_A\"", "{\"location\": ", "{} {}"})
    void anythingButOneObjectIsMalformed(String body) {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> decode(body))
                .satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }

    private void decode(String body) {
        this.json.decode(body.getBytes(StandardCharsets.UTF_8), this.parameters);
    }
}
