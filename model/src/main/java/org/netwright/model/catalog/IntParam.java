package org.netwright.model.catalog;

import java.util.Optional;

/** A whole-number parameter within [min, max]. */
public record IntParam(String name, String label, Integer defaultValue, int min, int max, String help)
        implements ParamSpec {

    @Override
    public Optional<String> whyInvalid(Object value) {
        if (!(value instanceof Integer i)) {
            return Optional.of(label + " must be a whole number.");
        }
        if (i < min || i > max) {
            return Optional.of(label + " must be between " + min + " and " + max + "; got " + i + ".");
        }
        return Optional.empty();
    }

    @Override
    public Object parse(String text) {
        int value;
        try {
            value = Integer.parseInt(text.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number; '" + text + "' is not.");
        }
        whyInvalid(value).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return value;
    }

    @Override
    public Object coerce(Object raw) {
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (raw instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw;
    }

    @Override
    public String range() {
        return min + " to " + max;
    }
}
