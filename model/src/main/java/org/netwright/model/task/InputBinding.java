package org.netwright.model.task;

import java.util.Objects;

/** Which data field feeds an input layer: {@code node} reads {@code field} of every sample. */
public record InputBinding(String node, String field) {
    public InputBinding {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(field, "field");
    }
}
