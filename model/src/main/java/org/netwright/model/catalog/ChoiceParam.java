package org.netwright.model.catalog;

import java.util.List;
import java.util.Optional;

/** A parameter that takes one of a fixed list of words, e.g. padding "valid" or "same". */
public record ChoiceParam(String name, String label, String defaultValue, List<String> choices, String help)
        implements ParamSpec {

    public ChoiceParam {
        choices = List.copyOf(choices);
    }

    @Override
    public Optional<String> whyInvalid(Object value) {
        if (!(value instanceof String s) || !choices.contains(s)) {
            return Optional.of(label + " must be one of " + String.join(", ", choices) + "; got " + value + ".");
        }
        return Optional.empty();
    }

    @Override
    public Object parse(String text) {
        String value = text.trim();
        whyInvalid(value).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return value;
    }

    @Override
    public Object coerce(Object raw) {
        return raw == null ? null : raw.toString();
    }

    @Override
    public String range() {
        return String.join(" | ", choices);
    }
}
