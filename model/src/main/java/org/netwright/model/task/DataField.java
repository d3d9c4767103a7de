package org.netwright.model.task;

import java.util.Objects;
import org.netwright.model.shape.Shape;

/**
 * One named field that every sample of a dataset has, described without its values: e.g. {@code image}
 * (values 1×28×28), {@code label} (a class id out of 10), {@code tokens} (32 token ids below 500).
 *
 * @param name    the field's name, unique in its dataset
 * @param kind    what its numbers mean
 * @param shape   per-sample shape ({@code 1} for a class id)
 * @param classes the number of classes (class ids) or the vocabulary size (token ids); 0 for values
 */
public record DataField(String name, Kind kind, Shape shape, int classes) {

    /** What a field's numbers mean, which decides the losses and metrics that fit it. */
    public enum Kind {
        /** Real numbers (pixels, measurements, a series, a target value). */
        VALUES,
        /** One class id per sample, in {@code 0..classes-1}. */
        CLASS_ID,
        /** A sequence of token ids, each in {@code 0..classes-1}. */
        TOKEN_IDS,
        /** Random numbers drawn afresh for every step (a generator's latent input); not stored. */
        NOISE
    }

    public DataField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shape, "shape");
    }

    public static DataField values(String name, Shape shape) {
        return new DataField(name, Kind.VALUES, shape, 0);
    }

    public static DataField classId(String name, int classes) {
        return new DataField(name, Kind.CLASS_ID, Shape.of(1), classes);
    }

    public static DataField tokens(String name, int length, int vocabulary) {
        return new DataField(name, Kind.TOKEN_IDS, Shape.of(length), vocabulary);
    }

    /** A noise field: drawn afresh each step, shaped like the latent vector of the input it feeds. */
    public static DataField noise(String name, Shape shape) {
        return new DataField(name, Kind.NOISE, shape, 0);
    }

    /** E.g. {@code values 1×28×28}, {@code class id (10 classes)}, {@code 32 token ids (vocabulary 500)}. */
    public String describe() {
        return switch (kind) {
            case VALUES -> "values " + shape.describe();
            case CLASS_ID -> "class id (" + classes + " classes)";
            case TOKEN_IDS -> shape.describe() + " token ids (vocabulary " + classes + ")";
            case NOISE -> "random noise " + shape.describe();
        };
    }
}
