package org.netwright.runner.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.task.DataField;
import org.netwright.templates.data.Samples;

/**
 * What a run would see of a data source, in facts a person or a program can check before training: the kind
 * detected, the samples and their fields, the task (classification or regression), the label and feature columns,
 * the classes with their counts, the split, the missing cells and the policy that handled them, and sentences
 * announcing each choice made on the user's behalf (a guessed label, columns left out, a default policy).
 *
 * @param kind          e.g. {@code table}, {@code texts} (to classify), {@code text} (a language model's), {@code images}, {@code idx}, {@code series}, {@code generator}
 * @param source        the file or folder (or generator) the data come from
 * @param samples       samples a run reads (train, validation and test together)
 * @param fields        the samples' fields
 * @param task          {@code classification}, {@code regression}, or empty when the data say neither
 * @param label         the label column of a table or text file, or empty
 * @param labelGuessed  whether the label column was guessed from its name rather than given
 * @param classes       class names in id order (empty for regression)
 * @param classCounts   samples per class, in id order
 * @param features      the feature columns as the network sees them (one-hot columns as {@code column=value})
 * @param missingCells  missing cells handled (NA, empty, NaN, text in a number column)
 * @param missingPolicy the policy that handled them ({@code drop}, {@code mean}, {@code mode}, {@code error})
 * @param split         samples in the train, validation and test parts
 * @param notices       one sentence per choice made for the user or thing worth knowing, in reading order
 */
public record DataSummary(String kind, String source, int samples, List<DataField> fields, Optional<String> task,
                          Optional<String> label, boolean labelGuessed, List<String> classes, List<Integer> classCounts,
                          List<String> features, int missingCells, String missingPolicy, int[] split,
                          List<String> notices) {
    /** A class this many times larger than another makes the data imbalanced. */
    public static final double IMBALANCE = 3.0;

    public DataSummary {
        fields = List.copyOf(fields);
        classes = List.copyOf(classes);
        classCounts = List.copyOf(classCounts);
        features = List.copyOf(features);
        notices = List.copyOf(notices);
        split = split.clone();
    }

    @Override
    public int[] split() {
        return split.clone();
    }

    /**
     * A summary of samples that need no table reading (images, IDX, a series, a generator): fields, the class field's
     * counts and the split of these sizes.
     */
    public static DataSummary of(String kind, String source, Samples all, int[] split, List<String> notices) {
        Optional<Samples.Column> cls = all.classField();
        List<Integer> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Optional<String> task = Optional.empty();
        if (cls.isPresent()) {
            int k = cls.get().field().classes();
            int[] c = new int[k];
            for (float v : cls.get().values()) {
                c[(int) v]++;
            }
            List<String> labels = all.transform(cls.get().field().name()).labels();
            for (int i = 0; i < k; i++) {
                counts.add(c[i]);
                names.add(i < labels.size() ? labels.get(i) : String.valueOf(i));
            }
            task = Optional.of("classification");
        }
        return new DataSummary(kind, source, all.size(), all.fields(), task, Optional.empty(), false, names, counts,
                List.of(), 0, "", split, notices);
    }

    /**
     * A warning when the largest class has {@link #IMBALANCE} times the samples of the smallest, naming both; empty
     * otherwise.
     */
    public Optional<String> imbalance() {
        return imbalance(classes, classCounts, samples);
    }

    /** The warning of {@link #imbalance()} for these class names and counts out of {@code samples}. */
    static Optional<String> imbalance(List<String> classes, List<Integer> classCounts, int samples) {
        if (classCounts.size() < 2) {
            return Optional.empty();
        }
        int max = 0;
        int min = 0;
        for (int i = 1; i < classCounts.size(); i++) {
            max = classCounts.get(i) > classCounts.get(max) ? i : max;
            min = classCounts.get(i) < classCounts.get(min) ? i : min;
        }
        if (classCounts.get(max) < IMBALANCE * Math.max(1, classCounts.get(min))) {
            return Optional.empty();
        }
        return Optional.of("The classes are imbalanced: '" + classes.get(max) + "' has " + classCounts.get(max)
                + " samples and '" + classes.get(min) + "' " + classCounts.get(min) + "; accuracy alone can mislead"
                + " (always answering '" + classes.get(max) + "' scores "
                + String.format(java.util.Locale.ROOT, "%.3f", classCounts.get(max) / (double) samples) + ").");
    }
}
