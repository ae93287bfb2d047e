package dev.connectiontoken.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.stripe.TerminalLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Stripe lookups a client's list costs, and what the short cache keeps and for whom. */
class LocationServiceTests {

    private static final TerminalLocation MAIN = new TerminalLocation("tml_Main1", "Main", null);

    private final StripeTerminalGateway gateway = mock(StripeTerminalGateway.class);

    private final Client anyStore = new Client("any-store", List.of(), null, null, Client.Source.CONFIGURED, null);

    @Test
    void answersAreReusedWithinTheTtl() {
        LocationService service = new LocationService(this.gateway, new LocationProperties(Duration.ofMinutes(1), 100));
        given(this.gateway.listLocations(null, 100)).willReturn(List.of(MAIN));

        service.locationsFor(this.anyStore);
        List<TerminalLocation> again = service.locationsFor(this.anyStore);

        assertThat(again).containsExactly(MAIN);
        then(this.gateway).should(times(1)).listLocations(null, 100);
    }

    @Test
    void aLocationDeletedInStripeDisappearsAfterTheTtl() throws InterruptedException {
        LocationService service =
                new LocationService(this.gateway, new LocationProperties(Duration.ofMillis(100), 100));
        given(this.gateway.listLocations(null, 100)).willReturn(List.of(MAIN), List.of());

        List<TerminalLocation> before = service.locationsFor(this.anyStore);
        Thread.sleep(200);
        List<TerminalLocation> after = service.locationsFor(this.anyStore);

        assertThat(before).containsExactly(MAIN);
        assertThat(after).isEmpty();
    }

    @Test
    void clientsAndAccountsNeverShareAnAnswer() {
        LocationService service = new LocationService(this.gateway, new LocationProperties(Duration.ofMinutes(1), 100));
        Client otherStore = new Client("other-store", List.of(), null, null, Client.Source.CONFIGURED, null);
        Client sameIdAsJwt = new Client("any-store", List.of(), null, null, Client.Source.JWT, null);
        Client connected = new Client("any-store", List.of(), null, "acct_1Other", Client.Source.CONFIGURED, null);
        given(this.gateway.listLocations(null, 100)).willReturn(List.of(MAIN));

        service.locationsFor(this.anyStore);
        service.locationsFor(otherStore);
        service.locationsFor(sameIdAsJwt);
        service.locationsFor(connected);

        then(this.gateway).should(times(3)).listLocations(null, 100);
        then(this.gateway).should(times(1)).listLocations("acct_1Other", 100);
    }

    @Test
    void listedClientLooksUpOnlyItsOwnLocations() {
        LocationService service = new LocationService(this.gateway, new LocationProperties(Duration.ZERO, 100));
        Client listed =
                new Client("listed", List.of("tml_Main1", "tml_Gone2"), null, null, Client.Source.CONFIGURED, null);
        given(this.gateway.retrieveLocation("tml_Main1", null)).willReturn(Optional.of(MAIN));
        given(this.gateway.retrieveLocation("tml_Gone2", null)).willReturn(Optional.empty());

        assertThat(service.locationsFor(listed)).containsExactly(MAIN);
        then(this.gateway).should(times(0)).listLocations(null, 100);
    }
}
