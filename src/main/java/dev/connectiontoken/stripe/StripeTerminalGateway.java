package dev.connectiontoken.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.terminal.ConnectionToken;
import com.stripe.net.RequestOptions;
import com.stripe.param.terminal.ConnectionTokenCreateParams;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mints real connection tokens through stripe-java, one Stripe call per token. */
final class StripeTerminalGateway implements TerminalGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeTerminalGateway.class);

    private final StripeClient client;

    private final StripeErrorTranslator translator;

    StripeTerminalGateway(StripeClient client, StripeErrorTranslator translator) {
        this.client = client;
        this.translator = translator;
    }

    @Override
    public IssuedToken createToken(@Nullable String location, List<String> expand, @Nullable String account) {
        ConnectionToken token = callStripe(parameters(location, expand), options(account));
        String requestId =
                (token.getLastResponse() != null) ? token.getLastResponse().requestId() : null;
        String secret = token.getSecret();
        if (secret == null || !secret.startsWith("pst_")) {
            throw this.translator.malformedAnswer(requestId, null);
        }
        return new IssuedToken(secret, token.getLocation(), false, requestId);
    }

    /** A client with an account gets tokens on that connected account: Stripe's "direct charges". */
    private static RequestOptions options(@Nullable String account) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (account != null) {
            options.setStripeAccount(account);
        }
        return options.build();
    }

    private static ConnectionTokenCreateParams parameters(@Nullable String location, List<String> expand) {
        ConnectionTokenCreateParams.Builder parameters = ConnectionTokenCreateParams.builder();
        if (location != null) {
            parameters.setLocation(location);
        }
        expand.forEach(parameters::addExpand);
        return parameters.build();
    }

    private ConnectionToken callStripe(ConnectionTokenCreateParams parameters, RequestOptions options) {
        try {
            return this.client.v1().terminal().connectionTokens().create(parameters, options);
        } catch (StripeException ex) {
            throw this.translator.translate(ex);
        } catch (RuntimeException ex) {
            // stripe-java fails with a NullPointerException or a Gson exception on some answers it cannot parse.
            throw this.translator.malformedAnswer(null, ex);
        }
    }
}
