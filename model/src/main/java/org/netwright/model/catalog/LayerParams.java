package org.netwright.model.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node's parameter values with the catalog defaults filled in and every value of its spec's type. */
public record LayerParams(Map<String, Object> values) {
    public LayerParams {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public boolean getBool(String name) {
        return (Boolean) get(name);
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No parameter '" + name + "'.");
        }
        return v;
    }
}
