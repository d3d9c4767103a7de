package org.netwright.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Jackson set-up shared by our JSON formats and the conversions between JSON values and plain Java values. */
final class JsonText {
    /** Refuses text after the first value ("{...} junk" or a second object), which Jackson otherwise ignores. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Two-space indent with '\n' everywhere (Jackson's default uses the platform line separator and keeps
     * arrays on one line), so that a file written on Windows diffs cleanly against one written on Linux.
     */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonText() {
    }

    static String pretty(JsonNode root) {
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            // A tree built from Java values always serialises; reaching this is a programming error.
            throw new IllegalStateException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses text into a tree; the caller turns the exception into its own format error via {@link #describe}. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Jackson's complaint in one line with the line and column, e.g. "Unexpected character ('x') at line 1, column 2". */
    static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n")[0];
        return e.getLocation() == null ? what
                : what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** True for the values a layer parameter may hold: text, numbers, true/false and null. */
    static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof Double
                || value instanceof Float || value instanceof BigInteger || value instanceof BigDecimal;
    }

    /** Puts a plain Java value (scalar, list or map) under {@code name}. */
    static void put(ObjectNode target, String name, Object value) {
        target.set(name, toJson(value));
    }

    static JsonNode toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = MAPPER.createObjectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                o.set(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = MAPPER.createArrayNode();
            for (Object item : list) {
                a.add(toJson(item));
            }
            return a;
        }
        if (!isScalar(value)) {
            throw new IllegalArgumentException("A value of type " + value.getClass().getSimpleName()
                    + " cannot be written as JSON; use text, a number, true/false, a list or a map.");
        }
        return MAPPER.valueToTree(value);
    }

    /** The plain Java value of a JSON value: Integer when a whole number fits, else Long, Double, String, Boolean, List, Map. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode item : node) {
                out.add(toJava(item));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), toJava(e.getValue()));
        }
        return out;
    }

    /**
     * A JSON number as a double, also accepting "NaN", "Infinity" and "-Infinity", which is how Jackson writes
     * those values; null when the node is neither.
     */
    static Double real(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual()) {
            return switch (node.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }

    /** How a person would call this JSON value's kind in a message. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the text \"" + node.textValue() + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        return node.isArray() ? "a list" : "an object";
    }
}
