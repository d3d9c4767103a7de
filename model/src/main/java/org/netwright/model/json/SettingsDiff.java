package org.netwright.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings that differ between two runs, from their stored settings JSON: each setting as a dotted path
 * ({@code epochs}, {@code options.schedule}, {@code data.options.path}) with its value in each run, so a user
 * comparing two runs sees at once what was changed, and only that.
 */
public final class SettingsDiff {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One setting that differs: its path and its value in each run ({@code absent} when a run lacks it). */
    public record Change(String setting, String before, String after) {
        @Override
        public String toString() {
            return setting + ": " + before + " → " + after;
        }
    }

    private SettingsDiff() {
    }

    /**
     * The settings whose values differ between {@code before} and {@code after} (settings JSON as runs store it),
     * in path order; the format marker and version are not settings.
     *
     * @throws SettingsFormatException when either text is not JSON
     */
    public static List<Change> between(String before, String after) {
        Map<String, String> a = flatten(parse(before));
        Map<String, String> b = flatten(parse(after));
        TreeMap<String, String[]> all = new TreeMap<>();
        a.forEach((k, v) -> all.computeIfAbsent(k, x -> new String[] {"absent", "absent"})[0] = v);
        b.forEach((k, v) -> all.computeIfAbsent(k, x -> new String[] {"absent", "absent"})[1] = v);
        List<Change> out = new ArrayList<>();
        all.forEach((k, v) -> {
            if (!v[0].equals(v[1]) && !k.equals("format") && !k.equals("version")) {
                out.add(new Change(k, v[0], v[1]));
            }
        });
        return out;
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null ? "{}" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SettingsFormatException("A run's stored settings are not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            if (!path.isEmpty()) {
                out.put(path, "none");
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
