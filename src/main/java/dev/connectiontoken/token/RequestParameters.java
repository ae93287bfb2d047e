package dev.connectiontoken.token;

import dev.connectiontoken.error.ErrorCode;
import dev.connectiontoken.error.ParameterError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects parameters from the query string and the body, strictly as Stripe reads its own: an unknown name, an empty
 * location or one parameter with two different values is an error, never silently resolved.
 */
final class RequestParameters {

    static final int MAX_ERRORS = 20;

    private static final Pattern EXPAND = Pattern.compile("expand(?:\\[(\\d{0,4})])?");

    private final List<ParameterError> errors = new ArrayList<>();

    private final Map<String, String> locationBySource = new LinkedHashMap<>();

    private final Map<String, ExpandList> expandBySource = new LinkedHashMap<>();

    /** Adds one {@code name=value} pair of a query string or form body. */
    void addPair(String source, String name, String value) {
        Matcher expand = EXPAND.matcher(name);
        if (name.equals("location")) {
            addLocation(source, value);
        } else if (expand.matches()) {
            addExpand(source, name, expand.group(1), value);
        } else {
            rejectUnknown(name);
        }
    }

    void rejectUnknown(String name) {
        reject(shorten(name), ErrorCode.PARAMETER_UNKNOWN, "Received unknown parameter: " + shorten(name));
    }

    void addLocation(String source, String value) {
        if (value.isEmpty()) {
            reject(
                    "location",
                    ErrorCode.PARAMETER_INVALID_EMPTY,
                    "location must not be empty: omit it for an unscoped token");
            return;
        }
        String earlier = this.locationBySource.values().stream().findFirst().orElse(null);
        if (earlier != null && !earlier.equals(value)) {
            reject("location", ErrorCode.PARAMETER_DUPLICATE, "location was sent twice with different values");
            return;
        }
        this.locationBySource.putIfAbsent(source, value);
    }

    /** Sets the whole list from a JSON body; sending the key twice with different lists is an error. */
    void setExpand(String source, List<String> values) {
        ExpandList list = new ExpandList();
        values.forEach(list.unindexed::add);
        ExpandList earlier = this.expandBySource.putIfAbsent(source, list);
        if (earlier != null && !earlier.values().equals(values)) {
            reject("expand", ErrorCode.PARAMETER_DUPLICATE, "expand was sent twice with different values");
        }
    }

    void reject(String param, ErrorCode code, String message) {
        if (this.errors.size() < MAX_ERRORS) {
            this.errors.add(new ParameterError(param, code, message));
        }
    }

    List<ParameterError> errors() {
        return this.errors;
    }

    @Nullable
    String location() {
        return this.locationBySource.values().stream().findFirst().orElse(null);
    }

    /** The expand list; a list sent in both the query string and the body must be the same in both. */
    List<String> expand() {
        List<List<String>> lists = this.expandBySource.values().stream()
                .map(ExpandList::values)
                .distinct()
                .toList();
        if (lists.size() > 1) {
            reject(
                    "expand",
                    ErrorCode.PARAMETER_DUPLICATE,
                    "expand was sent in the query string and the body with different" + " values");
        }
        return lists.isEmpty() ? List.of() : lists.get(0);
    }

    private void addExpand(String source, String name, @Nullable String index, String value) {
        ExpandList list = this.expandBySource.computeIfAbsent(source, (key) -> new ExpandList());
        if (index == null || index.isEmpty()) {
            list.unindexed.add(value);
            return;
        }
        String earlier = list.indexed.putIfAbsent(Integer.parseInt(index), value);
        if (earlier != null && !earlier.equals(value)) {
            reject(name, ErrorCode.PARAMETER_DUPLICATE, name + " was sent twice with different values");
        }
    }

    private static String shorten(String name) {
        return (name.length() <= 100) ? name : name.substring(0, 100) + "...";
    }

    /** Stripe's list encodings: {@code expand[0]=a} (ordered by index) and {@code expand[]=a} or {@code expand=a}. */
    private static final class ExpandList {

        private final Map<Integer, String> indexed = new TreeMap<>();

        private final List<String> unindexed = new ArrayList<>();

        List<String> values() {
            List<String> values = new ArrayList<>(this.indexed.values());
            values.addAll(this.unindexed);
            return values;
        }
    }
}
