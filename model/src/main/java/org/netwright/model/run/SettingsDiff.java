package org.netwright.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The settings that differ between two runs, as dotted paths into their settings JSON ({@code options.schedule}). */
public final class SettingsDiff {
    private SettingsDiff() {
    }

    /** One differing setting; a value is a {@link MissingNode} where that run's settings lack it. */
    public record Difference(String setting, JsonNode a, JsonNode b) {
    }

    /** Every leaf (or array) whose value differs, in the order of {@code a}'s fields, then those only {@code b} has. */
    public static List<Difference> between(JsonNode a, JsonNode b) {
        List<Difference> out = new ArrayList<>();
        walk("", a == null ? MissingNode.getInstance() : a, b == null ? MissingNode.getInstance() : b, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a.isObject() && b.isObject() || a.isObject() && b.isMissingNode() || a.isMissingNode() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, a.path(name), b.path(name), out);
            }
            return;
        }
        if (!same(a, b)) {
            out.add(new Difference(path, a, b));
        }
    }

    /** Equal values; numbers by value, so 0.1 written as 1.0E-1 is no difference. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> i = a.elements();
            Iterator<JsonNode> j = b.elements();
            while (i.hasNext()) {
                if (!same(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
