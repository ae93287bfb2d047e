package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ParameterError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reading rules, without HTTP: {@link FormUrlEncoding} into {@link RequestParameters}. */
class RequestParametersTests {

    private final RequestParameters parameters = new RequestParameters();

    @Test
    void formDecodesPlusAndPercentEncodingAsUtf8() {
        FormUrlEncoding.decode("location=tml_%41b+c&expand[]=caf%C3%A9", "form body", this.parameters);

        assertThat(this.parameters.location()).isEqualTo("tml_Ab c");
        assertThat(this.parameters.expand()).containsExactly("café");
    }

    @Test
    void indexedExpandIsOrderedByIndex() {
        FormUrlEncoding.decode("expand[2]=c&expand[0]=a&expand[1]=b", "form body", this.parameters);

        assertThat(this.parameters.expand()).containsExactly("a", "b", "c");
    }

    @Test
    void sameValueTwiceIsNotAnError() {
        FormUrlEncoding.decode("location=tml_1", "query string", this.parameters);
        FormUrlEncoding.decode("location=tml_1&location=tml_1", "form body", this.parameters);

        assertThat(this.parameters.errors()).isEmpty();
        assertThat(this.parameters.location()).isEqualTo("tml_1");
    }

    @Test
    void sameExpandListInQueryAndBodyIsNotAnError() {
        FormUrlEncoding.decode("expand=a", "query string", this.parameters);
        this.parameters.setExpand(JsonParameters.SOURCE, List.of("a"));

        assertThat(this.parameters.expand()).containsExactly("a");
        assertThat(this.parameters.errors()).isEmpty();
    }

    @Test
    void emptyPairsAreSkipped() {
        FormUrlEncoding.decode("&&location=tml_1&", "form body", this.parameters);

        assertThat(this.parameters.errors()).isEmpty();
    }

    @Test
    void expandWithNamedKeyIsUnknown() {
        FormUrlEncoding.decode("expand[foo]=a", "form body", this.parameters);

        assertThat(this.parameters.errors()).extracting(ParameterError::code).containsExactly("parameter_unknown");
    }

    @Test
    void errorsAreCappedAndLongNamesShortened() {
        FormUrlEncoding.decode("x".repeat(300) + "=1&" + "b=1&".repeat(50), "form body", this.parameters);

        assertThat(this.parameters.errors()).hasSize(RequestParameters.MAX_ERRORS);
        assertThat(this.parameters.errors().get(0).param()).hasSize(103).endsWith("...");
    }

    @Test
    void unencodedNonLatinCharacterIsMalformed() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> FormUrlEncoding.decode("location=tml_\u20ac", "query string", this.parameters))
                .satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("query string"));
    }
}
