package org.poolscope.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Typed reads of the current JSON token for {@link RunJsonReader}: each names the field it reads in
 * its error, so a bad file is refused with "records[3].end: expected a whole number, found a string",
 * never a NullPointerException or a half-built run.
 *
 * <p>Threads: the reading thread only, as its parser.
 */
final class JsonFields {

    private final JsonParser p;

    JsonFields(JsonParser parser) {
        this.p = parser;
    }

    void expect(JsonToken token, String field) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException(field + ": expected " + (token == JsonToken.START_OBJECT ? "an object" : "an array")
                    + ", found " + describe(p.currentToken()));
        }
    }

    static void require(Object value, String field) throws IOException {
        if (value == null) {
            throw new IOException("missing field " + field);
        }
    }

    long longValue(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException(field + ": expected a whole number, found " + describe(p.currentToken()));
        }
        return p.getLongValue();
    }

    long nonNegative(String field) throws IOException {
        long value = longValue(field);
        if (value < 0) {
            throw new IOException(field + ": expected a number ≥ 0, found " + value);
        }
        return value;
    }

    int intValue(String field) throws IOException {
        long value = longValue(field);
        if (value != (int) value) {
            throw new IOException(field + ": " + value + " is out of range");
        }
        return (int) value;
    }

    double doubleValue(String field) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw new IOException(field + ": expected a number, found " + describe(p.currentToken()));
        }
        return p.getDoubleValue();
    }

    double doubleOrNaN(String field) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : doubleValue(field);
    }

    boolean booleanValue(String field) throws IOException {
        if (!p.currentToken().isBoolean()) {
            throw new IOException(field + ": expected true or false, found " + describe(p.currentToken()));
        }
        return p.getBooleanValue();
    }

    String stringValue(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException(field + ": expected a string, found " + describe(p.currentToken()));
        }
        return p.getText();
    }

    String stringOrNull(String field) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : stringValue(field);
    }

    List<String> strings(String field) throws IOException {
        expect(JsonToken.START_ARRAY, field);
        List<String> values = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            values.add(stringValue(field + "[" + i + "]"));
        }
        return values;
    }

    java.util.SequencedMap<String, Long> longs(String field) throws IOException {
        expect(JsonToken.START_OBJECT, field);
        java.util.SequencedMap<String, Long> values = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            values.put(name, longValue(field + "." + name));
        }
        return values;
    }

    int[] intArray(String field) throws IOException {
        expect(JsonToken.START_ARRAY, field);
        int[] values = new int[16];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n] = intValue(field + "[" + n + "]");
            n++;
        }
        return java.util.Arrays.copyOf(values, n);
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
