package org.netwright.model.catalog;

import java.util.Optional;

/**
 * A typed layer parameter: its name, a label and help for the inspector, a default, and the
 * rule that decides which values are allowed. One record per kind of value.
 */
public sealed interface ParamSpec permits IntParam, DoubleParam, ChoiceParam, BoolParam, TextParam {
    String name();

    String label();

    String help();

    Object defaultValue();

    /** Why {@code value} is not allowed, or nothing when it is. */
    Optional<String> whyInvalid(Object value);

    /** Reads a value typed by a person; throws {@link IllegalArgumentException} with the reason. */
    Object parse(String text);

    /** Brings a value read from JSON (where 3 may come back as 3.0 or "3") to this kind. */
    Object coerce(Object raw);

    /** The allowed values in words, e.g. "1 to 65536". */
    String range();
}
