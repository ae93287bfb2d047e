package dev.connectiontoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.connectiontoken.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationPolicyTests {

    private static final Client ANY = new Client("any", List.of(), null, null, Client.Source.CONFIGURED, null);

    private static final Client LIMITED =
            new Client("limited", List.of("tml_A", "tml_B"), "tml_A", null, Client.Source.CONFIGURED, null);

    private static final Client STRICT =
            new Client("strict", List.of("tml_A", "tml_B"), null, null, Client.Source.CONFIGURED, null);

    @Test
    void unlimitedClientGetsWhatItAsksFor() {
        assertThat(LocationPolicy.resolve(ANY, "tml_Z")).isEqualTo("tml_Z");
        assertThat(LocationPolicy.resolve(ANY, null)).isNull();
    }

    @Test
    void limitedClientGetsAnAllowedLocation() {
        assertThat(LocationPolicy.resolve(LIMITED, "tml_B")).isEqualTo("tml_B");
    }

    @Test
    void limitedClientAskingForNoneGetsItsDefault() {
        assertThat(LocationPolicy.resolve(LIMITED, null)).isEqualTo("tml_A");
    }

    @Test
    void foreignLocationIs403() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> LocationPolicy.resolve(LIMITED, "tml_Z"))
                .satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(403))
                .satisfies((ex) -> assertThat(ex.code()).isEqualTo("location_not_allowed"));
    }

    @Test
    void limitedClientWithoutDefaultMustChoose() {
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> LocationPolicy.resolve(STRICT, null))
                .satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400))
                .satisfies((ex) -> assertThat(ex.code()).isEqualTo("location_required"));
    }

    @Test
    void anonymousCallerIsUnlimited() {
        assertThat(LocationPolicy.resolve(Client.ANONYMOUS, null)).isNull();
    }
}
