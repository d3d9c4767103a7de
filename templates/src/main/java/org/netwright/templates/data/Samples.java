package org.netwright.templates.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;

/**
 * Samples with named fields, e.g. {@code image} and {@code label}, or {@code source}, {@code target_in} and
 * {@code target_out}: each field holds one value array per sample (flat and row-major, class and token ids as
 * whole numbers), described by a {@link DataField}. Datasets of every recipe are made of these; a {@link Dataset}
 * (features and class labels) converts with {@link #of(Dataset)}.
 */
public final class Samples {
    /**
     * One field's description and its values for all samples, sample after sample; or, for a lazy column
     * ({@link #lazy}), the {@link SampleSource} it reads them from when asked, holding none of them itself.
     */
    public record Column(DataField field, float[] values, SampleSource source) {
        public Column {
            Objects.requireNonNull(field, "field");
            if ((values == null) == (source == null)) {
                throw new IllegalArgumentException("A column holds its values or reads them from a source, not both.");
            }
        }

        /** A column that holds its values. */
        public Column(DataField field, float[] values) {
            this(field, Objects.requireNonNull(values, "values"), null);
        }

        /** A column whose values stay in {@code source} until a batch asks for them (data larger than memory). */
        public static Column lazy(DataField field, SampleSource source) {
            return new Column(field, null, Objects.requireNonNull(source, "source"));
        }

        /** Whether the values are read from a source when asked rather than held. */
        public boolean isLazy() {
            return source != null;
        }

        /**
         * All values, sample after sample. A lazy column reads every sample into a new array, refused (with
         * {@link DataLimits}' sentence) when that would not fit; batches should use {@link #gather} instead.
         */
        @Override
        public float[] values() {
            if (values != null) {
                return values;
            }
            int n = source.size();
            String why = DataLimits.whyTooMany("All " + n + " samples of '" + field.name() + "'",
                    (double) n * width());
            if (why != null) {
                throw new IllegalStateException(why);
            }
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return gather(all, 0, n);
        }

        /** The values of samples {@code order[from..to)}, one after another, in a new array. */
        public float[] gather(int[] order, int from, int to) {
            int w = width();
            float[] v = new float[(to - from) * w];
            if (source != null) {
                source.read(order, from, to, w, v);
                return v;
            }
            for (int i = from; i < to; i++) {
                System.arraycopy(values, order[i] * w, v, (i - from) * w, w);
            }
            return v;
        }

        /** One sample's values, in a new array. */
        public float[] sample(int index) {
            return gather(new int[] {index}, 0, 1);
        }

        /** Tells a lazy column's source that samples {@code order[from..to)} come next; nothing for others. */
        public void prefetch(int[] order, int from, int to) {
            if (source != null && from < to) {
                source.prefetch(order, from, to);
            }
        }

        int width() {
            return Math.toIntExact(field.shape().size());
        }
    }

    private final Map<String, Column> columns;
    private final int size;
    private final boolean ordered;
    /** Per field, the factor that turns its values back into the data's own units (see {@link #withScale}). */
    private final Map<String, Double> scales;
    /** Per field, how its values were made from the raw data (see {@link #withTransform}). */
    private final Map<String, FieldTransform> transforms;

    /**
     * Checks that every field holds {@code size} samples and that ids are in range; copies nothing.
     * With {@code ordered} the samples are in time order: splits then keep the last stretch for testing.
     */
    public Samples(List<Column> columns, int size, boolean ordered) {
        this(columns, size, ordered, Map.of(), Map.of());
    }

    private Samples(List<Column> columns, int size, boolean ordered, Map<String, Double> scales,
            Map<String, FieldTransform> transforms) {
        if (size < 0) {
            throw new IllegalArgumentException("A sample count cannot be negative; got " + size);
        }
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column c : columns) {
            if (byName.put(c.field().name(), c) != null) {
                throw new IllegalArgumentException("Two fields are named '" + c.field().name() + "'.");
            }
            if (c.isLazy()) {
                if (c.field().kind() == DataField.Kind.CLASS_ID || c.field().kind() == DataField.Kind.TOKEN_IDS) {
                    throw new IllegalArgumentException("The field '" + c.field().name() + "' holds ids; only values"
                            + " are read lazily.");
                }
                if (c.source().size() != size) {
                    throw new IllegalArgumentException("The field '" + c.field().name() + "' should hold " + size
                            + " samples but its source has " + c.source().size() + ".");
                }
                continue;
            }
            if ((long) c.width() * size != c.values().length) {
                throw new IllegalArgumentException("The field '" + c.field().name() + "' should hold " + size
                        + " samples of " + c.field().shape().describe() + " (" + (long) c.width() * size
                        + " values) but holds " + c.values().length + ".");
            }
            if (c.field().kind() == DataField.Kind.CLASS_ID || c.field().kind() == DataField.Kind.TOKEN_IDS) {
                for (int i = 0; i < c.values().length; i++) {
                    float v = c.values()[i];
                    if (v < 0 || v >= c.field().classes() || v != Math.rint(v)) {
                        throw new IllegalArgumentException("Sample " + (i / c.width()) + " of the field '"
                                + c.field().name() + "' holds " + v + ", which is not an id in 0.."
                                + (c.field().classes() - 1) + ".");
                    }
                }
            }
        }
        this.columns = byName;
        this.size = size;
        this.ordered = ordered;
        this.scales = Map.copyOf(scales);
        this.transforms = Map.copyOf(transforms);
    }

    /**
     * The same samples, noting that the field's values are standardized: one unit of them is {@code scale} units of
     * the data as given (its standard deviation), so errors such as MAE can be reported in the data's own units.
     */
    public Samples withScale(String name, double scale) {
        require(name);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("A field's scale must be a positive number; got " + scale + ".");
        }
        Map<String, Double> s = new LinkedHashMap<>(scales);
        s.put(name, scale);
        return new Samples(List.copyOf(columns.values()), size, ordered, s, transforms);
    }

    /**
     * The same samples, noting how the field's values were made from the raw data (standardization fitted on the
     * training part, class names, vocabulary, reader options), so prediction and export can do the same.
     */
    public Samples withTransform(String name, FieldTransform transform) {
        require(name);
        Map<String, FieldTransform> t = new LinkedHashMap<>(transforms);
        t.put(name, Objects.requireNonNull(transform, "transform"));
        return new Samples(List.copyOf(columns.values()), size, ordered, scales, t);
    }

    /** How the field's values were made from the raw data: {@link FieldTransform#NONE} unless one was noted. */
    public FieldTransform transform(String name) {
        return transforms.getOrDefault(name, FieldTransform.NONE);
    }

    /** Every noted transform, by field name. */
    public Map<String, FieldTransform> transforms() {
        return transforms;
    }

    /** The factor that turns the field's values into the data's own units: 1 unless {@link #withScale} set one. */
    public double scale(String name) {
        return scales.getOrDefault(name, 1.0);
    }

    /** A dataset's features and labels as two fields, named after what the features look like. */
    public static Samples of(Dataset d) {
        float[] labels = new float[d.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d.labels()[i];
        }
        return new Samples(List.of(new Column(DataField.values(featureName(d.sampleShape()), d.sampleShape()), d.features()),
                new Column(DataField.classId("label", d.numClasses()), labels)), d.size(), false);
    }

    /** {@code image} for C×H×W samples, {@code sequence} for T×F, {@code features} for flat rows. */
    public static String featureName(Shape shape) {
        return switch (shape.rank()) {
            case 3 -> "image";
            case 2 -> "sequence";
            default -> "features";
        };
    }

    public int size() {
        return size;
    }

    /** True when the samples are in time order (a series cut into windows). */
    public boolean ordered() {
        return ordered;
    }

    /** The fields' descriptions, in order. */
    public List<DataField> fields() {
        return columns.values().stream().map(Column::field).toList();
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** The named column; throws when there is none. */
    public Column require(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("The data has no field '" + name + "'.");
        }
        return c;
    }

    /** The first class-id field, the one a split is stratified by and a confusion matrix is drawn for. */
    public Optional<Column> classField() {
        return columns.values().stream().filter(c -> c.field().kind() == DataField.Kind.CLASS_ID).findFirst();
    }

    /** Whether some field is read lazily from a source (data larger than memory). */
    public boolean hasLazyFields() {
        return columns.values().stream().anyMatch(Column::isLazy);
    }

    /** Tells every lazy field that samples {@code order[from..to)} come next (see {@link Column#prefetch}). */
    public void prefetch(int[] order, int from, int to) {
        columns.values().forEach(c -> c.prefetch(order, from, to));
    }

    /** New samples holding the given samples in the given order. */
    public Samples subset(int[] indices) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns.values()) {
            if (c.isLazy()) {
                out.add(Column.lazy(c.field(), c.source().subset(indices)));
                continue;
            }
            int w = c.width();
            float[] v = new float[indices.length * w];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(c.values(), indices[i] * w, v, i * w, w);
            }
            out.add(new Column(c.field(), v));
        }
        return new Samples(out, indices.length, ordered, scales, transforms);
    }

    /** The same samples with one field seen in another shape of the same size (a data file's rows as an image). */
    public Samples reshaped(String name, Shape shape) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns.values()) {
            if (c.field().name().equals(name)) {
                if (shape.size() != c.field().shape().size()) {
                    throw new IllegalArgumentException("Cannot see '" + name + "' shaped " + c.field().shape() + " as "
                            + shape);
                }
                DataField f = c.field();
                out.add(new Column(new DataField(f.name(), f.kind(), shape, f.classes()), c.values, c.source()));
            } else {
                out.add(c);
            }
        }
        return new Samples(out, size, ordered, scales, transforms);
    }

    /**
     * Cuts the samples into train, validation and test parts of {@code round(fraction × size)} samples for
     * validation and test. Samples in time order keep it: train first, then validation, then the last stretch
     * for testing. Others are shuffled with {@code seed} (the same stream as {@link Dataset#split}).
     */
    public Split split(double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be 0 or more and below 1 together; got "
                    + validationFraction + " and " + testFraction);
        }
        int[] order;
        if (ordered) {
            order = new int[size];
            Arrays.setAll(order, i -> i);
        } else {
            order = Dataset.shuffledIndices(size, new Random(Dataset.stream(seed, Dataset.SPLIT_STREAM)));
        }
        int nVal = (int) Math.round(validationFraction * size);
        int nTest = (int) Math.round(testFraction * size);
        int nTrain = trainSize(size, validationFraction, testFraction);
        return new Split(subset(Arrays.copyOfRange(order, 0, nTrain)),
                subset(Arrays.copyOfRange(order, nTrain, nTrain + nVal)),
                subset(Arrays.copyOfRange(order, nTrain + nVal, size)));
    }

    /**
     * As {@link #split}, but each class of the {@link #classField} on its own, so every part holds the classes in
     * the data's proportions: per class, {@code round(fraction × class size)} samples validate and as many test,
     * drawn with {@code seed}; a class keeps at least one training sample. Samples in time order, and samples
     * without a class field, are split as {@link #split} does. Used for the user's data files; generators keep
     * {@link #split} so their figures stay as published.
     */
    public Split stratifiedSplit(double validationFraction, double testFraction, long seed) {
        Optional<Column> classes = classField();
        if (ordered || classes.isEmpty()) {
            return split(validationFraction, testFraction, seed);
        }
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be 0 or more and below 1 together; got "
                    + validationFraction + " and " + testFraction);
        }
        int[] order = Dataset.shuffledIndices(size, new Random(Dataset.stream(seed, Dataset.SPLIT_STREAM)));
        float[] ids = classes.get().values();
        Map<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i : order) {
            byClass.computeIfAbsent((int) ids[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            int n = members.size();
            int nTest = (int) Math.round(testFraction * n);
            int nVal = (int) Math.round(validationFraction * n);
            if (nVal + nTest >= n) {
                // Give the class one training sample back, from the test part first.
                int excess = nVal + nTest - n + 1;
                int fromTest = Math.min(excess, nTest);
                nTest -= fromTest;
                nVal -= excess - fromTest;
            }
            validation.addAll(members.subList(0, nVal));
            test.addAll(members.subList(nVal, nVal + nTest));
            train.addAll(members.subList(nVal + nTest, n));
        }
        return new Split(subset(inShuffledOrder(train, order)), subset(inShuffledOrder(validation, order)),
                subset(inShuffledOrder(test, order)));
    }

    /** The chosen samples in the order the shuffle drew them, so no part is sorted by class. */
    private static int[] inShuffledOrder(List<Integer> chosen, int[] order) {
        java.util.Set<Integer> set = new java.util.HashSet<>(chosen);
        return Arrays.stream(order).filter(set::contains).toArray();
    }

    /** How many of {@code size} samples {@link #split} keeps for training with these fractions. */
    public static int trainSize(int size, double validationFraction, double testFraction) {
        return size - (int) Math.round(validationFraction * size) - (int) Math.round(testFraction * size);
    }

    /** The three parts: to train on, to watch during training, and to report at the end. */
    public record Split(Samples train, Samples validation, Samples test) {
        /** A dataset's own split, field by field. */
        public static Split of(Dataset.Split s) {
            return new Split(Samples.of(s.train()), Samples.of(s.validation()), Samples.of(s.test()));
        }
    }
}
