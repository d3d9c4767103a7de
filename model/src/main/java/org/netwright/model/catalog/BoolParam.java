package org.netwright.model.catalog;

import java.util.Optional;

/** An on/off parameter, e.g. whether a Dense layer has a bias. */
public record BoolParam(String name, String label, Boolean defaultValue, String help) implements ParamSpec {

    @Override
    public Optional<String> whyInvalid(Object value) {
        return value instanceof Boolean ? Optional.empty() : Optional.of(label + " must be true or false.");
    }

    @Override
    public Object parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.equals("true") || t.equals("yes") || t.equals("on")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException(label + " must be true or false; '" + text + "' is not.");
    }

    @Override
    public Object coerce(Object raw) {
        // Same words as parse(); anything else stays as it is so that whyInvalid() reports it,
        // where Boolean.parseBoolean would silently turn "yes" into false.
        if (raw instanceof String s) {
            try {
                return parse(s);
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }
        return raw;
    }

    @Override
    public String range() {
        return "true | false";
    }
}
