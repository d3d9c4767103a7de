package org.netwright.model.catalog;

import java.util.Optional;

/** A real-number parameter within [min, max]. */
public record DoubleParam(String name, String label, Double defaultValue, double min, double max, String help)
        implements ParamSpec {

    @Override
    public Optional<String> whyInvalid(Object value) {
        if (!(value instanceof Double d) || d.isNaN() || d.isInfinite()) {
            return Optional.of(label + " must be a number.");
        }
        if (d < min || d > max) {
            return Optional.of(label + " must be between " + min + " and " + max + "; got " + d + ".");
        }
        return Optional.empty();
    }

    @Override
    public Object parse(String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number; '" + text + "' is not.");
        }
        whyInvalid(value).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return value;
    }

    @Override
    public Object coerce(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
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
