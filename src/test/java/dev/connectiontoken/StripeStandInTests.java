package dev.connectiontoken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract check in {@link StripeStandIn} really rejects what Stripe's OpenAPI description forbids. */
class StripeStandInTests {

    private static final String BEARER = "Bearer " + StripeStandIn.SECRET_KEY;

    @Test
    void contractAcceptsStripesOwnShapes() {
        String token = StripeStandIn.fixture("connection-token.json");

        assertThat(StripeStandIn.contractViolations(BEARER, "location=tml_1&expand[0]=a", 200, token))
                .isEmpty();
    }

    @Test
    void contractRejectsUnknownRequestParameter() {
        String token = StripeStandIn.fixture("connection-token.json");

        assertThat(StripeStandIn.contractViolations(BEARER, "locaton=tml_1", 200, token))
                .anySatisfy((message) -> assertThat(message).contains("locaton"));
    }

    @Test
    void contractRejectsAnswerWithoutRequiredMembers() {
        assertThat(StripeStandIn.contractViolations(BEARER, "", 200, "{\"secret\": \"pst_test_1\"}"))
                .anySatisfy((message) -> assertThat(message).contains("object"));
    }

    @Test
    void contractRejectsErrorWithoutErrorEnvelope() {
        assertThat(StripeStandIn.contractViolations(BEARER, "", 400, "{\"message\": \"No such location\"}"))
                .isNotEmpty();
    }
}
