package org.netwright.model.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A short text parameter whose form a regular expression fixes, e.g. a target shape "4,8" or an
 * axis order "2,0,1". Whether the text fits the arriving shape is the layer's shape rule's business.
 */
public record TextParam(String name, String label, String defaultValue, String pattern, String help)
        implements ParamSpec {

    public TextParam {
        // Compiling here makes a broken pattern fail when the catalog loads, not when a person types.
        if (!Pattern.compile(pattern).matcher(defaultValue).matches()) {
            throw new IllegalArgumentException("Default '" + defaultValue + "' of " + name + " does not match " + pattern);
        }
    }

    @Override
    public Optional<String> whyInvalid(Object value) {
        if (!(value instanceof String s) || !Pattern.matches(pattern, s)) {
            return Optional.of(label + " must look like " + defaultValue + "; got " + value + ".");
        }
        return Optional.empty();
    }

    @Override
    public Object parse(String text) {
        // Spaces after commas are what people type; the stored form has none.
        String value = text.replace(" ", "").trim();
        whyInvalid(value).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return value;
    }

    @Override
    public Object coerce(Object raw) {
        return raw == null ? null : raw.toString().replace(" ", "");
    }

    @Override
    public String range() {
        return "text like " + defaultValue;
    }
}
