package org.netwright.templates.data;

import java.util.List;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;

/** Makes the data set a {@code generator} recipe names, with the recipe's options or their defaults. */
public final class Generators {
    /** Generator names a recipe may use. */
    public static final List<String> NAMES = List.of("two_moons", "shapes", "segment_digits", "sine_waves");

    private Generators() {
    }

    /** Generates the data; {@code seed} is used when the recipe has no {@code seed} option of its own. */
    public static Dataset generate(DataRecipe recipe, long seed) {
        if (!"generator".equals(recipe.kind())) {
            throw new IllegalArgumentException("Not a generator recipe: " + recipe.kind());
        }
        Map<String, Object> o = recipe.options();
        String name = String.valueOf(o.get("name"));
        long s = number(o, "seed", seed).longValue();
        return switch (name) {
            case "two_moons" -> TwoMoons.generate(number(o, "samples", 1000).intValue(),
                    number(o, "noise", 0.1).doubleValue(), s);
            case "shapes" -> Shapes.generate(number(o, "samples", 1200).intValue(),
                    number(o, "size", Shapes.DEFAULT_SIZE).intValue(), s);
            case "segment_digits" -> SegmentDigits.generate(number(o, "samples", 1000).intValue(),
                    number(o, "size", SegmentDigits.DEFAULT_SIZE).intValue(), s);
            case "sine_waves" -> SineWaves.generate(number(o, "samples", 600).intValue(),
                    number(o, "length", SineWaves.DEFAULT_LENGTH).intValue(), number(o, "noise", 0.1).doubleValue(), s);
            default -> throw new IllegalArgumentException("Unknown data generator '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    private static Number number(Map<String, Object> options, String key, Number fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n;
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Generator option '" + key + "' must be a number; got '" + v + "'");
        }
    }
}
