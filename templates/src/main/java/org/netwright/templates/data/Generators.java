package org.netwright.templates.data;

import java.util.List;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;

/** Makes the data set a {@code generator} recipe names, with the recipe's options or their defaults. */
public final class Generators {
    /**
     * Generators of samples with named fields other than features and one class label (a regression target,
     * a forecast horizon, token sequences to continue...), by name: each takes the recipe's options and a seed.
     */
    private static final Map<String, FieldGenerator> FIELD_GENERATORS = fieldGenerators();
    /** Generator names a recipe may use. */
    public static final List<String> NAMES = names();

    /** Makes samples with named fields from a recipe's options and a seed. */
    @FunctionalInterface
    interface FieldGenerator {
        Samples generate(Map<String, Object> options, long seed);
    }

    private static Map<String, FieldGenerator> fieldGenerators() {
        Map<String, FieldGenerator> g = new java.util.LinkedHashMap<>();
        g.put("smooth_function", (o, s) -> SmoothFunction.generate(number(o, "samples", 1000).intValue(),
                number(o, "noise", 0.05).doubleValue(), s));
        g.put("ring_gaussians", (o, s) -> RingGaussians.generate(number(o, "samples", 2000).intValue(),
                number(o, "radius", 2.0).doubleValue(), number(o, "std", 0.05).doubleValue(), s));
        return java.util.Collections.unmodifiableMap(g);
    }

    private static List<String> names() {
        List<String> all = new java.util.ArrayList<>(List.of("two_moons", "shapes", "segment_digits", "sine_waves",
                "tokens", "communities"));
        all.addAll(FIELD_GENERATORS.keySet());
        return List.copyOf(all);
    }

    /**
     * Generates samples with named fields: a field generator's own, or a classic generator's features and
     * {@code label} ({@link Samples#of(Dataset)}); {@code seed} as for {@link #generate}.
     */
    public static Samples generateSamples(DataRecipe recipe, long seed) {
        Map<String, Object> o = options(recipe);
        String name = String.valueOf(o.get("name"));
        FieldGenerator g = FIELD_GENERATORS.get(name);
        if (g == null) {
            return Samples.of(generate(recipe, seed));
        }
        return g.generate(o, number(o, "seed", seed).longValue());
    }

    /** Whether the generator makes samples with fields of its own rather than features and a class label. */
    public static boolean makesFields(DataRecipe recipe) {
        return "generator".equals(recipe.kind()) && FIELD_GENERATORS.containsKey(String.valueOf(recipe.options().get("name")));
    }
    /** The generators among {@link #NAMES} that make one graph for node classification instead of samples. */
    public static final List<String> GRAPH_NAMES = List.of("communities");

    private Generators() {
    }

    /** Whether the recipe names a generator of one graph ({@link #GRAPH_NAMES}) rather than of samples. */
    public static boolean makesGraph(DataRecipe recipe) {
        return "generator".equals(recipe.kind()) && GRAPH_NAMES.contains(String.valueOf(recipe.options().get("name")));
    }

    /** Generates the samples; {@code seed} is used when the recipe has no {@code seed} option of its own. */
    public static Dataset generate(DataRecipe recipe, long seed) {
        Map<String, Object> o = options(recipe);
        String name = String.valueOf(o.get("name"));
        long s = number(o, "seed", seed).longValue();
        if (FIELD_GENERATORS.containsKey(name)) {
            throw new IllegalArgumentException("The " + name + " generator makes samples with named fields ("
                    + String.join(", ", FIELD_GENERATORS.get(name).generate(Map.of("samples", 1), s).fields().stream()
                    .map(f -> f.name()).toList()) + "), not features and a class label");
        }
        if (GRAPH_NAMES.contains(name)) {
            throw new IllegalArgumentException("The " + name + " generator makes one graph for node classification, "
                    + "not samples; a network that starts with a graph input trains on it");
        }
        return switch (name) {
            case "two_moons" -> TwoMoons.generate(number(o, "samples", 1000).intValue(),
                    number(o, "noise", 0.1).doubleValue(), s);
            case "shapes" -> Shapes.generate(number(o, "samples", 1200).intValue(),
                    number(o, "size", Shapes.DEFAULT_SIZE).intValue(), s);
            case "segment_digits" -> SegmentDigits.generate(number(o, "samples", 1000).intValue(),
                    number(o, "size", SegmentDigits.DEFAULT_SIZE).intValue(), s);
            case "sine_waves" -> SineWaves.generate(number(o, "samples", 600).intValue(),
                    number(o, "length", SineWaves.DEFAULT_LENGTH).intValue(), number(o, "noise", 0.1).doubleValue(), s);
            case "tokens" -> TokenSequences.generate(number(o, "samples", 800).intValue(),
                    number(o, "length", TokenSequences.DEFAULT_LENGTH).intValue(),
                    number(o, "vocabulary", TokenSequences.DEFAULT_VOCABULARY).intValue(), s);
            default -> throw new IllegalArgumentException("Unknown data generator '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    /** Generates one graph for node classification; {@code seed} as for {@link #generate}. */
    public static GraphDataset generateGraph(DataRecipe recipe, long seed) {
        Map<String, Object> o = options(recipe);
        String name = String.valueOf(o.get("name"));
        long s = number(o, "seed", seed).longValue();
        if (!"communities".equals(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a graph generator; known: " + String.join(", ",
                    GRAPH_NAMES));
        }
        return Communities.generate(number(o, "nodes", Communities.DEFAULT_NODES).intValue(),
                number(o, "communities", Communities.DEFAULT_COMMUNITIES).intValue(),
                number(o, "p_in", Communities.DEFAULT_P_IN).doubleValue(),
                number(o, "p_out", Communities.DEFAULT_P_OUT).doubleValue(), s);
    }

    private static Map<String, Object> options(DataRecipe recipe) {
        if (!"generator".equals(recipe.kind())) {
            throw new IllegalArgumentException("Not a generator recipe: " + recipe.kind());
        }
        return recipe.options();
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
