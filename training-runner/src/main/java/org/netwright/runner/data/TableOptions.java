package org.netwright.runner.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.settings.DataRecipe;

/**
 * The options of a table or text recipe, read from the recipe so a run's stored settings keep them: the label
 * column, the feature columns, the missing-cell policy, a separate test file, and for text the text column, the
 * tokenizer, the vocabulary size, the length in tokens and lower-casing.
 *
 * @param label      the column to predict, or empty to guess it from the column names
 * @param features   the columns to read as features, or empty for every other column
 * @param missing    the policy for missing cells, or empty for the default (fill, and say so)
 * @param test       a separate test file of the same kind, or empty to split the file
 * @param textColumn the column holding a text to classify, or empty for a table of features
 * @param tokenizer  {@code word} or {@code char}
 * @param vocabulary the most token ids a text's vocabulary gets, padding and unknown included
 * @param maxLength  tokens per text (longer texts are cut, shorter ones padded)
 * @param lowercase  whether text is lower-cased before it is split into tokens
 */
public record TableOptions(Optional<String> label, List<String> features, Optional<MissingPolicy> missing,
                           Optional<String> test, Optional<String> textColumn, String tokenizer, int vocabulary,
                           int maxLength, boolean lowercase) {
    public static final String LABEL = "label";
    public static final String FEATURES = "features";
    public static final String MISSING = "missing";
    public static final String TEST = "test";
    public static final String TEXT_COLUMN = "text_column";
    public static final String TOKENIZER = "tokenizer";
    public static final String VOCABULARY = "vocabulary";
    public static final String MAX_LENGTH = "max_length";
    public static final String LOWERCASE = "lowercase";
    /** Default vocabulary size, padding and unknown ids included (the text-classifier template's). */
    public static final int DEFAULT_VOCABULARY = 10_000;
    /** Default tokens per text for the word tokenizer (the text-classifier template's). */
    public static final int DEFAULT_WORDS = 256;
    /** Default tokens per text for the character tokenizer. */
    public static final int DEFAULT_CHARACTERS = 1024;

    public TableOptions {
        features = List.copyOf(features);
    }

    /** The options a recipe holds; a value of the wrong form is a {@link DataFileException} naming the option. */
    public static TableOptions of(DataRecipe recipe) {
        Map<String, Object> o = recipe.options();
        String tokenizer = text(o, TOKENIZER).orElse("word");
        if (!tokenizer.equals("word") && !tokenizer.equals("char")) {
            throw new DataFileException(DataOption.TOKENIZER.namedFirst() + " takes word or char; got '" + tokenizer + "'.");
        }
        List<String> features = text(o, FEATURES).map(f -> Arrays.stream(f.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new TableOptions(text(o, LABEL), features, text(o, MISSING).map(MissingPolicy::of), text(o, TEST),
                text(o, TEXT_COLUMN), tokenizer, whole(o, VOCABULARY, 3, 10_000_000, DEFAULT_VOCABULARY),
                whole(o, MAX_LENGTH, 1, 100_000, tokenizer.equals("char") ? DEFAULT_CHARACTERS : DEFAULT_WORDS),
                !"false".equalsIgnoreCase(text(o, LOWERCASE).orElse("true")));
    }

    private static Optional<String> text(Map<String, Object> o, String key) {
        Object v = o.get(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString().trim());
    }

    private static int whole(Map<String, Object> o, String key, int min, int max, int fallback) {
        Object v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            if (d >= min && d <= max && d == Math.rint(d)) {
                return (int) d;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new DataFileException("The option '" + key.replace('_', '-') + "' must be a whole number from " + min
                + " to " + max + "; got '" + v + "'.");
    }
}
