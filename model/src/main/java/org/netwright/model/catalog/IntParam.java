package org.netwright.model.catalog;

import java.math.BigInteger;
import java.util.Optional;

/** A whole-number parameter within [min, max]. */
public record IntParam(String name, String label, Integer defaultValue, int min, int max, String help)
        implements ParamSpec {

    @Override
    public Optional<String> whyInvalid(Object value) {
        // coerce() leaves whole numbers beyond int as Long or BigInteger; say the range, not "not whole".
        if (value instanceof Long || value instanceof BigInteger) {
            BigInteger v = new BigInteger(value.toString());
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                return Optional.of(label + " must be between " + min + " and " + max + "; got " + value + ".");
            }
        }
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
        // Only whole numbers that fit an int: intValue() of 4294967297L is 1, which would pass validation.
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
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
