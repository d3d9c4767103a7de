package org.netwright.runner.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.templates.data.Samples;
import org.netwright.templates.data.TextVocabulary;
import org.netwright.templates.data.TextWindows;

/**
 * A plain-text file (UTF-8) as data for a character-level language model: recipe kind {@value #KIND}, options
 * {@code path}, {@code length} (characters per window, default {@value TextWindows#DEFAULT_LENGTH}) and
 * {@code characters}, the vocabulary in id order from 1 (id 0 is any other character). Without {@code characters}
 * the vocabulary is the training stretch's characters; {@link #pinVocabulary} writes it into the recipe so the run's
 * settings keep it for generating text later.
 */
public final class TextData {
    public static final String KIND = "text";
    /** The recipe option that holds the vocabulary. */
    public static final String CHARACTERS = "characters";

    private TextData() {
    }

    /** Whether the file's name says it is plain text ({@code .txt}). */
    public static boolean isTextFile(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
    }

    /** The windows of the recipe's text, for a split with these fractions (which decide the training stretch). */
    public static Samples load(DataRecipe recipe, Path file, double validationFraction, double testFraction) {
        String text = read(file);
        int length = length(recipe);
        TextVocabulary vocabulary = vocabulary(recipe, text, validationFraction, testFraction);
        try {
            return TextWindows.cut(text, length, vocabulary);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file + ": " + e.getMessage());
        }
    }

    /**
     * The recipe with its vocabulary written out: unchanged when it has one, else the characters of the training
     * stretch of {@code file}'s text for a split with these fractions.
     */
    public static DataRecipe pinVocabulary(DataRecipe recipe, Path file, double validationFraction, double testFraction) {
        if (recipe.options().get(CHARACTERS) != null) {
            return recipe;
        }
        TextVocabulary v = vocabulary(recipe, read(file), validationFraction, testFraction);
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put(CHARACTERS, v.characters());
        return new DataRecipe(recipe.kind(), options);
    }

    /** The recipe's vocabulary: its {@code characters}, or those of the training stretch of {@code text}. */
    static TextVocabulary vocabulary(DataRecipe recipe, String text, double validationFraction, double testFraction) {
        Object pinned = recipe.options().get(CHARACTERS);
        if (pinned != null) {
            try {
                return new TextVocabulary(pinned.toString());
            } catch (IllegalArgumentException e) {
                throw new DataFileException("The text recipe's option '" + CHARACTERS + "' is wrong: " + e.getMessage());
            }
        }
        return TextVocabulary.of(TextWindows.trainingStretch(text, length(recipe), validationFraction, testFraction));
    }

    /** The vocabulary a recipe holds (see {@link #pinVocabulary}), for mapping generated ids back to text. */
    public static TextVocabulary pinnedVocabulary(DataRecipe recipe) {
        Object pinned = recipe.options().get(CHARACTERS);
        if (!KIND.equals(recipe.kind()) || pinned == null) {
            throw new IllegalArgumentException("The data recipe holds no text vocabulary (a text recipe's option '"
                    + CHARACTERS + "').");
        }
        return new TextVocabulary(pinned.toString());
    }

    static int length(DataRecipe recipe) {
        Object v = recipe.options().get("length");
        if (v == null) {
            return TextWindows.DEFAULT_LENGTH;
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d >= 1 && d <= 100_000) || d != Math.rint(d)) {
            throw new DataFileException("The text recipe's option 'length' must be a whole number of characters from 1"
                    + " to 100000; got " + v + ".");
        }
        return (int) d;
    }

    /** The file's text, refused with a clear message when it is not UTF-8. */
    static String read(Path file) {
        DataFiles.require(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(file + " is not UTF-8 text; save it as UTF-8 to train a language model on it.");
        }
    }
}
