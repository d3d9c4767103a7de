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
    /** The generators among {@link #NAMES} that make many small labelled graphs for graph classification. */
    public static final List<String> GRAPH_SET_NAMES = List.of("rings_and_trees");
    /** Generator names a recipe may use. */
    public static final List<String> NAMES = names();
    /**
     * The generators among {@link #NAMES} that draw one-channel square images of the side their {@code size} option
     * gives (the app draws them at the size of a network's image input).
     */
    public static final java.util.Set<String> SIZED_IMAGE_NAMES = java.util.Set.of("shapes", "segment_digits",
            "noisy_digits", "quadrant_images");

    /** Makes samples with named fields from a recipe's options and a seed. */
    @FunctionalInterface
    interface FieldGenerator {
        Samples generate(Map<String, Object> options, long seed);
    }

    private static Map<String, FieldGenerator> fieldGenerators() {
        Map<String, FieldGenerator> g = new java.util.LinkedHashMap<>();
        g.put("smooth_function", (o, s) -> SmoothFunction.generate(number(o, "samples", 1000).intValue(),
                number(o, "noise", 0.05).doubleValue(), s));
        g.put("seasonal_series", (o, s) -> SeasonalSeries.generate(number(o, "samples", 600).intValue(),
                number(o, "steps", SeasonalSeries.DEFAULT_STEPS).intValue(),
                number(o, "horizon", SeasonalSeries.DEFAULT_HORIZON).intValue(),
                number(o, "period", SeasonalSeries.DEFAULT_PERIOD).intValue(),
                number(o, "trend", 0.001).doubleValue(), number(o, "noise", 0.1).doubleValue(), s));
        g.put("noisy_digits", (o, s) -> NoisyDigits.generate(number(o, "samples", 1000).intValue(),
                number(o, "size", NoisyDigits.DEFAULT_SIZE).intValue(), number(o, "noise", 0.3).doubleValue(), s));
        g.put("moon_points", (o, s) -> MoonPoints.generate(number(o, "samples", 1000).intValue(),
                number(o, "noise", 0.1).doubleValue(), number(o, "scale", MoonPoints.DEFAULT_SCALE).doubleValue(), s));
        g.put("marker_sequences", (o, s) -> MarkerSequences.generate(number(o, "samples", 1000).intValue(),
                number(o, "length", MarkerSequences.DEFAULT_LENGTH).intValue(), number(o, "noise", 0.2).doubleValue(), s));
        g.put("reverse_tokens", (o, s) -> ReverseTokens.generate(number(o, "samples", 2000).intValue(),
                number(o, "length", ReverseTokens.DEFAULT_LENGTH).intValue(),
                number(o, "vocabulary", ReverseTokens.DEFAULT_VOCABULARY).intValue(), s));
        g.put("patterned_text", (o, s) -> PatternedText.generate(number(o, "samples", 1000).intValue(),
                number(o, "length", PatternedText.DEFAULT_LENGTH).intValue(),
                number(o, "vocabulary", PatternedText.DEFAULT_VOCABULARY).intValue(), s));
        g.put("ring_gaussians", (o, s) -> RingGaussians.generate(number(o, "samples", 2000).intValue(),
                number(o, "radius", 2.0).doubleValue(), number(o, "std", 0.05).doubleValue(), s));
        g.put("quadrant_images", (o, s) -> QuadrantImages.generate(number(o, "samples", 1000).intValue(),
                number(o, "size", QuadrantImages.DEFAULT_SIZE).intValue(), number(o, "noise", 0.1).doubleValue(), s));
        return java.util.Collections.unmodifiableMap(g);
    }

    private static List<String> names() {
        List<String> all = new java.util.ArrayList<>(List.of("two_moons", "shapes", "segment_digits", "sine_waves",
                "tokens", "communities"));
        all.addAll(GRAPH_SET_NAMES);
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

    /** Upper limits of the generators' options, far above any useful value and below any int overflow. */
    private static final int MAX_SAMPLES = 10_000_000;
    private static final int MAX_SIZE = 1024;
    private static final int MAX_LENGTH = 100_000;
    private static final int MAX_VOCABULARY = 1_000_000;
    private static final int MAX_NODES = 20_000;

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
        if (GRAPH_SET_NAMES.contains(name)) {
            throw new IllegalArgumentException("The " + name + " generator makes many small graphs for graph "
                    + "classification, not samples; a network that starts with a graph input trains on them");
        }
        return switch (name) {
            case "two_moons" -> {
                int n = whole(o, "samples", 1000, MAX_SAMPLES);
                requireRoom(name, n, "samples", 2);
                yield TwoMoons.generate(n, number(o, "noise", 0.1).doubleValue(), s);
            }
            case "shapes" -> {
                int n = whole(o, "samples", 1200, MAX_SAMPLES);
                int size = whole(o, "size", Shapes.DEFAULT_SIZE, MAX_SIZE);
                requireRoom(name, n, "samples", (double) size * size);
                yield Shapes.generate(n, size, s);
            }
            case "segment_digits" -> {
                int n = whole(o, "samples", 1000, MAX_SAMPLES);
                int size = whole(o, "size", SegmentDigits.DEFAULT_SIZE, MAX_SIZE);
                requireRoom(name, n, "samples", (double) size * size);
                yield SegmentDigits.generate(n, size, s);
            }
            case "sine_waves" -> {
                int n = whole(o, "samples", 600, MAX_SAMPLES);
                int length = whole(o, "length", SineWaves.DEFAULT_LENGTH, MAX_LENGTH);
                requireRoom(name, n, "samples", length);
                yield SineWaves.generate(n, length, number(o, "noise", 0.1).doubleValue(), s);
            }
            case "tokens" -> {
                int n = whole(o, "samples", 800, MAX_SAMPLES);
                int length = whole(o, "length", TokenSequences.DEFAULT_LENGTH, MAX_LENGTH);
                requireRoom(name, n, "samples", length);
                yield TokenSequences.generate(n, length,
                        whole(o, "vocabulary", TokenSequences.DEFAULT_VOCABULARY, MAX_VOCABULARY), s);
            }
            default -> throw new IllegalArgumentException("Unknown data generator '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    /** Refuses a data set that would not fit in memory, before any of it is made. */
    private static void requireRoom(String name, int count, String unit, double valuesEach) {
        String why = DataLimits.whyTooMany("The " + name + " generator's " + DataLimits.count(count) + " " + unit,
                count * valuesEach);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
    }

    /**
     * A whole-number option from 1 to {@code max}; the generators check their own lower limits, this keeps a
     * number too large for an int (or a fraction) from turning into a negative size or a wrong count.
     */
    private static int whole(Map<String, Object> options, String key, int fallback, int max) {
        double v = number(options, key, fallback).doubleValue();
        if (!(v >= 1 && v <= max) || v != Math.rint(v)) {
            throw new IllegalArgumentException("Generator option '" + key + "' must be a whole number from 1 to "
                    + DataLimits.count(max) + "; got " + options.get(key));
        }
        return (int) v;
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
        int nodes = whole(o, "nodes", Communities.DEFAULT_NODES, MAX_NODES);
        // A dense adjacency and one-hot features: two nodes × nodes tables.
        requireRoom(name, nodes, "nodes", 2.0 * nodes);
        return Communities.generate(nodes, whole(o, "communities", Communities.DEFAULT_COMMUNITIES, MAX_NODES),
                number(o, "p_in", Communities.DEFAULT_P_IN).doubleValue(),
                number(o, "p_out", Communities.DEFAULT_P_OUT).doubleValue(),
                number(o, "feature_noise", 0).doubleValue(), s);
    }

    /** Whether the recipe names a generator of many labelled graphs ({@link #GRAPH_SET_NAMES}). */
    public static boolean makesGraphSet(DataRecipe recipe) {
        return "generator".equals(recipe.kind()) && GRAPH_SET_NAMES.contains(String.valueOf(recipe.options().get("name")));
    }

    /** Generates many small labelled graphs for graph classification; {@code seed} as for {@link #generate}. */
    public static GraphSet generateGraphSet(DataRecipe recipe, long seed) {
        Map<String, Object> o = options(recipe);
        String name = String.valueOf(o.get("name"));
        long s = number(o, "seed", seed).longValue();
        if (!GRAPH_SET_NAMES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a generator of graph sets; known: "
                    + String.join(", ", GRAPH_SET_NAMES));
        }
        return RingsAndTrees.generate(number(o, "graphs", RingsAndTrees.DEFAULT_GRAPHS).intValue(),
                number(o, "min_nodes", RingsAndTrees.DEFAULT_MIN_NODES).intValue(),
                number(o, "max_nodes", RingsAndTrees.DEFAULT_MAX_NODES).intValue(), s);
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
