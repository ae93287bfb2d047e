package dev.connectiontoken.operations;

import dev.connectiontoken.api.StripeMode;
import java.util.Locale;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds {@code "mode": "offline" | "test" | "live"} to {@code /actuator/info}; never the key itself. */
@Component
class ModeInfoContributor implements InfoContributor {

    private final StripeMode mode;

    ModeInfoContributor(StripeMode mode) {
        this.mode = mode;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("mode", this.mode.name().toLowerCase(Locale.ROOT));
    }
}
