package org.netwright.editor.canvas;

import org.netwright.model.catalog.LayerSpec;

/** Shortens shape-inference messages for a card, which already shows the node's id and layer name. */
final class Diagnostics {
    private Diagnostics() {
    }

    /** "conv2d_1 (Conv2d) expects an image…" becomes "Expects an image…". */
    static String forCard(String nodeId, LayerSpec spec, String problem) {
        String text = problem;
        String label = spec == null ? nodeId : nodeId + " (" + spec.name() + ")";
        if (text.startsWith(label)) {
            text = text.substring(label.length());
        } else if (text.startsWith(nodeId)) {
            text = text.substring(nodeId.length());
        }
        text = text.replaceFirst("^[:\\s]+", "");
        if (text.isEmpty()) {
            return problem;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
