package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weight initializers by name, as DJL {@link Initializer}s (set them with
 * {@code block.setInitializer(init, Parameter.Type.WEIGHT)}). Fans follow PyTorch: for a weight
 * shaped (out, in, k...) {@code fan_in = in * prod(k)} and {@code fan_out = out * prod(k)}; a 1-D
 * array has both equal to its size.
 * <ul>
 * <li>{@code xavier} ({@code gain}, default 1): uniform in {@code ±gain * sqrt(6 / (fan_in + fan_out))} (Glorot).</li>
 * <li>{@code he}: normal with mean 0 and std {@code sqrt(2 / fan_in)} (Kaiming, for ReLU).</li>
 * <li>{@code normal} ({@code std}, default 0.01): normal with mean 0.</li>
 * <li>{@code uniform} ({@code scale}, default 0.07): uniform in {@code ±scale}.</li>
 * <li>{@code zeros}: all zero.</li>
 * </ul>
 */
public final class Initializers {
    private static final Map<String, Map<String, Double>> DEFAULTS = defaultsTable();

    private Initializers() {
    }

    /** The initializer names, in the order menus show them. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** Every parameter an initializer takes, with its default. */
    public static Map<String, Double> defaults(String name) {
        return DEFAULTS.getOrDefault(name, Map.of());
    }

    /** The initializer {@code name} with {@code params}; throws IllegalArgumentException when either is wrong. */
    public static Initializer of(String name, Map<String, Double> params) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("Unknown initializer '" + name + "'; choose "
                    + String.join(", ", names()) + ".");
        }
        Map<String, Double> values = new LinkedHashMap<>(DEFAULTS.get(key));
        for (Map.Entry<String, Double> p : params.entrySet()) {
            if (!values.containsKey(p.getKey())) {
                throw new IllegalArgumentException("The initializer '" + key + "' has no parameter '" + p.getKey() + "'"
                        + (values.isEmpty() ? "." : "; it takes " + String.join(", ", values.keySet()) + "."));
            }
            Double v = p.getValue();
            if (v == null || !(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("The " + p.getKey() + " of the initializer '" + key
                        + "' must be a positive number, not " + v + ".");
            }
            values.put(p.getKey(), v);
        }
        return switch (key) {
            case "xavier" -> new Xavier(values.get("gain"));
            case "he" -> new He();
            case "normal" -> new Normal(values.get("std"));
            case "uniform" -> new Uniform(values.get("scale"));
            case "zeros" -> Zeros.INSTANCE;
            default -> throw new IllegalArgumentException("Unknown initializer '" + name + "'.");
        };
    }

    /** PyTorch's fan-in of a weight shaped (out, in, k...). */
    static long fanIn(Shape shape) {
        return shape.dimension() < 2 ? shape.size() : shape.size() / shape.get(0);
    }

    /** PyTorch's fan-out of a weight shaped (out, in, k...). */
    static long fanOut(Shape shape) {
        return shape.dimension() < 2 ? shape.size() : shape.size() / shape.get(1);
    }

    private static Map<String, Map<String, Double>> defaultsTable() {
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        t.put("xavier", Map.of("gain", 1.0));
        t.put("he", Map.of());
        t.put("normal", Map.of("std", 0.01));
        t.put("uniform", Map.of("scale", 0.07));
        t.put("zeros", Map.of());
        return java.util.Collections.unmodifiableMap(t);
    }

    private record Xavier(double gain) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            float bound = (float) (gain * Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape))));
            return manager.randomUniform(-bound, bound, shape, dataType);
        }
    }

    private record He() implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.randomNormal(0f, (float) Math.sqrt(2.0 / fanIn(shape)), shape, dataType);
        }
    }

    private record Normal(double std) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.randomNormal(0f, (float) std, shape, dataType);
        }
    }

    private record Uniform(double scale) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.randomUniform((float) -scale, (float) scale, shape, dataType);
        }
    }

    private enum Zeros implements Initializer {
        INSTANCE;

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.zeros(shape, dataType);
        }
    }
}
