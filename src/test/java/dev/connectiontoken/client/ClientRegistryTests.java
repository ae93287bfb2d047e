package dev.connectiontoken.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code connection-token.clients[N]} as an operator writes it: valid, and each way it can be wrong. */
@ExtendWith(OutputCaptureExtension.class)
class ClientRegistryTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(TestConfiguration.class)
            .withPropertyValues(
                    "connection-token.clients[0].id=store-1",
                    "connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN));

    @Test
    void findsTheClientByItsKey() {
        this.runner
                .withPropertyValues(
                        "connection-token.clients[0].locations=tml_A,tml_B",
                        "connection-token.clients[0].default-location=tml_B",
                        "connection-token.clients[0].account=acct_1Store")
                .run((context) -> {
                    ClientRegistry registry = context.getBean(ClientRegistry.class);
                    assertThat(registry.findByApiKey(TestKeys.OPEN)).hasValueSatisfying((client) -> {
                        assertThat(client.id()).isEqualTo("store-1");
                        assertThat(client.locations()).containsExactly("tml_A", "tml_B");
                        assertThat(client.defaultLocation()).isEqualTo("tml_B");
                        assertThat(client.account()).isEqualTo("acct_1Store");
                    });
                    assertThat(registry.findByApiKey(TestKeys.LIMITED)).isEmpty();
                    assertThat(registry.findByApiKey("")).isEmpty();
                });
    }

    @Test
    void clientWithTwoKeysDuringARotationIsFoundByEitherAndSaysWhich() {
        String oldHash = TestKeys.sha256(TestKeys.OPEN);
        String newHash = TestKeys.sha256(TestKeys.STRICT);
        this.runner
                .withPropertyValues("connection-token.clients[0].api-key-sha256=" + oldHash + "," + newHash)
                .run((context) -> {
                    ClientRegistry registry = context.getBean(ClientRegistry.class);
                    assertThat(registry.findByApiKey(TestKeys.OPEN))
                            .hasValueSatisfying(
                                    (client) -> assertThat(client.keyId()).isEqualTo(oldHash.substring(0, 8)));
                    assertThat(registry.findByApiKey(TestKeys.STRICT)).hasValueSatisfying((client) -> {
                        assertThat(client.id()).isEqualTo("store-1");
                        assertThat(client.keyId()).isEqualTo(newHash.substring(0, 8));
                    });
                });
    }

    @Test
    void sameHashTwiceInOneClientFailsStartup() {
        String hash = TestKeys.sha256(TestKeys.OPEN);
        this.runner
                .withPropertyValues("connection-token.clients[0].api-key-sha256=" + hash + "," + hash)
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("each api-key-sha256 must be used once"));
    }

    @Test
    void uppercaseHashIsAccepted() {
        this.runner
                .withPropertyValues("connection-token.clients[0].api-key-sha256="
                        + TestKeys.sha256(TestKeys.OPEN).toUpperCase())
                .run((context) -> assertThat(
                                context.getBean(ClientRegistry.class).findByApiKey(TestKeys.OPEN))
                        .isPresent());
    }

    @Test
    void noClientsMeansAnEmptyRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(TestConfiguration.class)
                .run((context) ->
                        assertThat(context.getBean(ClientRegistry.class).size()).isZero());
    }

    @Test
    void hashThatIsNotSha256FailsStartup() {
        this.runner
                .withPropertyValues("connection-token.clients[0].api-key-sha256=abc123")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void hashOfAnEmptyKeyFailsStartupWithBootsBindReport() {
        this.runner
                .withPropertyValues("connection-token.clients[0].api-key-sha256="
                        + TestKeys.sha256("").toUpperCase())
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("apiKeySha256")
                        .hasMessageContaining("SHA-256 of an empty key"));
    }

    @Test
    void defaultLocationWithoutLocationsStartsWithAWarning(CapturedOutput output) {
        this.runner
                .withPropertyValues("connection-token.clients[0].default-location=tml_A")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("client 'store-1' has a default-location but no locations");
                });
    }

    @Test
    void malformedLocationFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.clients[0].locations=store-1")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void malformedAccountFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.clients[0].account=1234")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void defaultLocationOutsideTheListFailsStartup() {
        this.runner
                .withPropertyValues(
                        "connection-token.clients[0].locations=tml_A",
                        "connection-token.clients[0].default-location=tml_B")
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("defaultLocationAllowed")
                        .hasMessageContaining("must be one of the client's locations"));
    }

    @Test
    void duplicateIdFailsStartup() {
        this.runner
                .withPropertyValues(
                        "connection-token.clients[1].id=store-1",
                        "connection-token.clients[1].api-key-sha256=" + TestKeys.sha256(TestKeys.LIMITED))
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("each client needs its own id"));
    }

    @Test
    void sharedKeyFailsStartup() {
        this.runner
                .withPropertyValues(
                        "connection-token.clients[1].id=store-2",
                        "connection-token.clients[1].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN))
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("each api-key-sha256 must be used once, by one client"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClientProperties.class)
    @Import(ClientRegistry.class)
    static class TestConfiguration {}
}
