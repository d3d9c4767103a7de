package org.netwright.editor.layout;

import java.util.List;

/**
 * The size of a node's card and where its ports sit on it, relative to the card's top-left corner: inputs on the
 * left edge, outputs on the right, each at its own height.
 */
public record CardShape(double width, double height, List<PortAt> inputs, List<PortAt> outputs) {
    /** One port: its name and its centre's height on the card. */
    public record PortAt(String name, double y) {
    }

    public CardShape {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
