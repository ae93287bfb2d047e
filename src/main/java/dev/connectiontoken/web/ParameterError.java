package dev.connectiontoken.web;

/** One bad request parameter, as listed in the {@code errors} member of a validation problem. */
public record ParameterError(String param, String code, String message) {

    /** An unknown parameter, its name cut to 100 characters so that a hostile name cannot bloat the answer. */
    public static ParameterError unknown(String name) {
        String shown = (name.length() <= 100) ? name : name.substring(0, 100) + "...";
        return new ParameterError(shown, "parameter_unknown", "Received unknown parameter: " + shown);
    }
}
