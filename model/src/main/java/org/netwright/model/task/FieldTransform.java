package org.netwright.model.task;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a data field's values were made from the user's raw data, so that prediction and export apply the very same
 * transform: {@code value = (raw - offset) / scale} per feature (one number each, or one for all features), the
 * names behind ids ({@code labels}: class names of a class field, the vocabulary of a token field, index = id), and
 * reader options that shaped the field (e.g. {@code tokenizer=word}, {@code lowercase=true}, {@code image_size=28x28},
 * {@code grayscale=true}). Fitted on the training part only.
 */
public record FieldTransform(double[] offset, double[] scale, List<String> labels, Map<String, String> options) {
    /** The identity: values are the raw data, no names, no options. */
    public static final FieldTransform NONE = new FieldTransform(new double[0], new double[0], List.of(), Map.of());

    public FieldTransform {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(scale, "scale");
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("A transform needs as many scales as offsets; got " + offset.length
                    + " offsets and " + scale.length + " scales");
        }
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("A transform's scales must be positive numbers; got " + s);
            }
        }
        offset = offset.clone();
        scale = scale.clone();
        labels = List.copyOf(labels);
        options = Map.copyOf(options);
    }

    /** Standardization with one mean and standard deviation per feature. */
    public static FieldTransform standardized(double[] mean, double[] std) {
        return new FieldTransform(mean, std, List.of(), Map.of());
    }

    /** Ids with their names (class names, or a vocabulary), values otherwise untouched. */
    public static FieldTransform named(List<String> labels) {
        return new FieldTransform(new double[0], new double[0], labels, Map.of());
    }

    /** The same transform with one more reader option. */
    public FieldTransform withOption(String key, String value) {
        Map<String, String> o = new java.util.LinkedHashMap<>(options);
        o.put(key, value);
        return new FieldTransform(offset, scale, labels, o);
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** Applies the transform to one raw sample's features in place ({@code offset}/{@code scale} broadcast when single). */
    public void apply(float[] raw) {
        if (offset.length == 0) {
            return;
        }
        for (int i = 0; i < raw.length; i++) {
            int k = offset.length == 1 ? 0 : i % offset.length;
            raw[i] = (float) ((raw[i] - offset[k]) / scale[k]);
        }
    }
}
