package dev.connectiontoken.token;

import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a form body or a query string) ourselves rather than through
 * the servlet container, whose parameter parsing silently drops every parameter past a count or size limit. Bad
 * percent-encoding and invalid UTF-8 are errors, not replacement characters.
 */
final class FormUrlEncoding {

    private FormUrlEncoding() {}

    /**
     * Decodes each {@code name=value} pair into {@code parameters}.
     *
     * @param raw the encoded text, one character per byte (ISO-8859-1), as Tomcat hands over a query string
     * @param source where the text came from, for error messages
     */
    static void decode(String raw, String source, RequestParameters parameters) {
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = (equals < 0) ? pair : pair.substring(0, equals);
            String value = (equals < 0) ? "" : pair.substring(equals + 1);
            parameters.addPair(source, percentDecode(name, source), percentDecode(value, source));
        }
    }

    private static String percentDecode(String encoded, String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                bytes.write(hexByte(encoded, i + 1, source));
                i += 2;
            } else if (c > 0xFF) {
                throw malformed(source, "holds a character that is not percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        return utf8(bytes.toByteArray(), source);
    }

    private static int hexByte(String encoded, int start, String source) {
        int high = (start < encoded.length()) ? Character.digit(encoded.charAt(start), 16) : -1;
        int low = (start + 1 < encoded.length()) ? Character.digit(encoded.charAt(start + 1), 16) : -1;
        if (high < 0 || low < 0) {
            throw malformed(source, "has a '%' that is not followed by two hexadecimal digits");
        }
        return (high << 4) | low;
    }

    private static String utf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw malformed(source, "is not valid UTF-8 once percent-decoded");
        }
    }

    private static RuntimeException malformed(String source, String problem) {
        return Problems.exception(
                ProblemType.MALFORMED_REQUEST,
                "The " + source + " " + problem + " (application/x-www-form-urlencoded).");
    }
}
