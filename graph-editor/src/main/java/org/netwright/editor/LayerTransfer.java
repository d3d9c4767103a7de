package org.netwright.editor;

import java.util.Optional;

/** The drag-and-drop payload that carries a catalog layer id from the palette to the canvas. */
public final class LayerTransfer {
    /** Prefix of the dragged string, so drops of unrelated text are ignored. */
    public static final String PREFIX = "netwright-layer:";

    private LayerTransfer() {
    }

    public static String encode(String layerId) {
        return PREFIX + layerId;
    }

    /** The layer id in a dropped string, or empty when the string is not ours. */
    public static Optional<String> decode(String dropped) {
        if (dropped == null || !dropped.startsWith(PREFIX) || dropped.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(dropped.substring(PREFIX.length()));
    }
}
