package org.netwright.runner.data;

import java.util.Locale;

/** What a table reader does with missing cells (NA, empty, NaN): {@code --missing drop|mean|mode|error}. */
public enum MissingPolicy {
    /** Leave out every row with a missing cell in a column the run reads. */
    DROP,
    /** Fill a number column's gaps with the training part's mean (a category column's with its most common value). */
    MEAN,
    /** Fill every gap with the column's most common value in the training part. */
    MODE,
    /** Refuse the file at its first missing cell, naming the row and column. */
    ERROR;

    /** The policy's name as the command line spells it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code text}; throws {@link DataFileException} naming the choices. */
    public static MissingPolicy of(String text) {
        for (MissingPolicy p : values()) {
            if (p.word().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new DataFileException(DataOption.MISSING.namedFirst() + " takes drop, mean, mode or error; got '" + text + "'.");
    }
}
