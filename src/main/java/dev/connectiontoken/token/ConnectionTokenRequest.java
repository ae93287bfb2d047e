package dev.connectiontoken.token;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.ParameterError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code POST /connection_token}, with the limits of Stripe's own endpoint. Bound by
 * {@link ConnectionTokenRequestResolver} from the query string and a form or JSON body.
 *
 * @param location the Stripe location to scope the token to
 * @param expand response fields to expand, forwarded to Stripe (kept for parity with Stripe's endpoint)
 */
record ConnectionTokenRequest(
        @Nullable
        @Size(max = 5000, message = "must be at most 5000 characters")
        @Pattern(
                regexp = Client.LOCATION_ID,
                message = "must be a Stripe location id: tml_ followed by letters and digits")
        String location,

        @Size(max = 20, message = "must list at most 20 fields")
        List<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 5000, message = "must be at most 5000 characters") String>
                expand) {

    /** Stripe's list encodings: {@code expand[0]=a} (ordered by index), {@code expand[]=a} and {@code expand=a}. */
    private static final java.util.regex.Pattern EXPAND = java.util.regex.Pattern.compile("expand(?:\\[(\\d{1,4})?])?");

    ConnectionTokenRequest {
        expand = (expand != null) ? List.copyOf(expand) : List.of();
    }

    /** Reads the query string's and form body's parameters, in Stripe's encodings, adding what is wrong to errors. */
    static ConnectionTokenRequest fromParameters(Map<String, String[]> parameters, List<ParameterError> errors) {
        String location = null;
        Map<Integer, String> indexed = new TreeMap<>();
        List<String> expand = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Matcher expandName = EXPAND.matcher(name);
            if (name.equals("location")) {
                location = single(name, parameter.getValue(), errors);
            } else if (expandName.matches() && expandName.group(1) != null) {
                indexed.put(Integer.valueOf(expandName.group(1)), single(name, parameter.getValue(), errors));
            } else if (expandName.matches()) {
                expand.addAll(List.of(parameter.getValue()));
            } else {
                errors.add(ParameterError.unknown(name));
            }
        }
        expand.addAll(0, indexed.values());
        return new ConnectionTokenRequest(location, expand);
    }

    /** One value, or several that are all the same (the query string and the body may both carry it). */
    private static String single(String name, String[] values, List<ParameterError> errors) {
        if (List.of(values).stream().distinct().count() > 1) {
            errors.add(new ParameterError(name, "parameter_duplicate", name + " was sent twice with different values"));
        }
        return values[0];
    }
}
