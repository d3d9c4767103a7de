package org.netwright.templates.data;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The characters a character-level language model reads and writes: id 0 stands for any character the
 * vocabulary lacks (shown as {@link #UNKNOWN}), ids 1.. for {@link #characters()} in order. Stored as that
 * string so a run can map generated ids back to text.
 */
public final class TextVocabulary {
    /** How a character outside the vocabulary is written back (U+FFFD, the replacement character). */
    public static final int UNKNOWN = 0xFFFD;

    private final String characters;
    private final int[] codePoints;

    /** The vocabulary of {@code characters}, each listed once, in id order from 1. */
    public TextVocabulary(String characters) {
        this.characters = characters;
        this.codePoints = characters.codePoints().toArray();
        if (Arrays.stream(codePoints).distinct().count() != codePoints.length) {
            throw new IllegalArgumentException("A text vocabulary lists each character once; '" + characters
                    + "' repeats one.");
        }
    }

    /** The distinct characters of {@code text}, sorted by code point. */
    public static TextVocabulary of(String text) {
        TreeSet<Integer> seen = new TreeSet<>();
        text.codePoints().forEach(seen::add);
        StringBuilder b = new StringBuilder();
        seen.forEach(b::appendCodePoint);
        return new TextVocabulary(b.toString());
    }

    /** The known characters, in id order from 1. */
    public String characters() {
        return characters;
    }

    /** The number of ids, the unknown one included. */
    public int size() {
        return codePoints.length + 1;
    }

    /** The id of a character (a code point): its place in the vocabulary from 1, or 0 when it is not there. */
    public int id(int codePoint) {
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == codePoint) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The ids of every character of {@code text}. */
    public int[] ids(String text) {
        // A table for the first 64K code points keeps a 150K-character book from scanning the vocabulary per character.
        int[] table = new int[65536];
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] < table.length) {
                table[codePoints[i]] = i + 1;
            }
        }
        return text.codePoints().map(c -> c < table.length ? table[c] : id(c)).toArray();
    }

    /** The character an id stands for ({@link #UNKNOWN} for 0). */
    public int codePoint(int id) {
        if (id < 0 || id > codePoints.length) {
            throw new IllegalArgumentException("A vocabulary of " + size() + " ids has no id " + id + ".");
        }
        return id == 0 ? UNKNOWN : codePoints[id - 1];
    }

    /** The text the ids spell. */
    public String text(int[] ids) {
        StringBuilder b = new StringBuilder(ids.length);
        for (int id : ids) {
            b.appendCodePoint(codePoint(id));
        }
        return b.toString();
    }
}
