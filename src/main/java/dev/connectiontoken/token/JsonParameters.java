package dev.connectiontoken.token;

import dev.connectiontoken.error.ErrorCode;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body member by member, so that a key sent twice reaches {@link RequestParameters} twice, and a value
 * of the wrong type is an error rather than coerced. A {@code null} value counts as absent.
 */
final class JsonParameters {

    static final String SOURCE = "JSON body";

    private final JsonMapper mapper;

    /** With Boot's mapper: only its streaming parser is used, member by member. */
    JsonParameters(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void decode(byte[] body, RequestParameters parameters) {
        try (JsonParser parser = this.mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw malformed("must be a JSON object, such as {\"location\": \"tml_...\"}");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                addMember(name, parser.readValueAsTree(), parameters);
            }
            if (parser.nextToken() != null) {
                throw malformed("has content after the JSON object");
            }
        } catch (JacksonException ex) {
            throw malformed("is not valid JSON" + where(ex));
        }
    }

    private static void addMember(String name, JsonNode value, RequestParameters parameters) {
        if (value.isNull() && (name.equals("location") || name.equals("expand"))) {
            return;
        }
        if (name.equals("location")) {
            if (value.isString()) {
                parameters.addLocation(SOURCE, value.stringValue());
            } else {
                parameters.reject("location", ErrorCode.PARAMETER_INVALID_TYPE, "location must be a string");
            }
        } else if (name.equals("expand")) {
            addExpand(value, parameters);
        } else {
            parameters.rejectUnknown(name);
        }
    }

    private static void addExpand(JsonNode value, RequestParameters parameters) {
        if (!value.isArray()) {
            parameters.reject("expand", ErrorCode.PARAMETER_INVALID_TYPE, "expand must be an array of strings");
            return;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isString()) {
                values.add(item.stringValue());
            } else {
                parameters.reject(
                        "expand[" + i + "]", ErrorCode.PARAMETER_INVALID_TYPE, "expand[" + i + "] must be a string");
            }
        }
        parameters.setExpand(SOURCE, values);
    }

    private static String where(JacksonException ex) {
        return (ex.getLocation() != null)
                ? " (line " + ex.getLocation().getLineNr() + ", column "
                        + ex.getLocation().getColumnNr() + ")"
                : "";
    }

    private static RuntimeException malformed(String problem) {
        return Problems.exception(ProblemType.MALFORMED_REQUEST, "The JSON body " + problem + ".");
    }
}
