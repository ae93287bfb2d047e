package dev.connectiontoken.error;

/**
 * One bad request parameter, as listed in the {@code errors} member of a validation problem.
 *
 * @param param the parameter as the caller named it, for example {@code location} or {@code expand[1]}
 * @param code a Stripe-style error code such as {@code parameter_unknown}
 * @param message what is wrong, in a sentence a developer can act on
 */
public record ParameterError(String param, String code, String message) {

    public ParameterError(String param, ErrorCode code, String message) {
        this(param, code.value(), message);
    }
}
