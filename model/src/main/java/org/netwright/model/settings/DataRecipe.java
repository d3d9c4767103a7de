package org.netwright.model.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's data comes from: a built-in generator ({@code kind = "generator"}, option
 * {@code name} such as {@code two_moons}) or a user's file ({@code kind = "csv"} or {@code "idx"},
 * option {@code path}), with the kind's options.
 */
public record DataRecipe(String kind, Map<String, Object> options) {
    public DataRecipe {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    public static DataRecipe generator(String name, Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.putAll(options);
        return new DataRecipe("generator", all);
    }

    public static DataRecipe file(String kind, String path) {
        return new DataRecipe(kind, Map.of("path", path));
    }
}
