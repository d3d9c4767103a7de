package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;

/** Where data enters a network. */
final class InputLayers {
    private InputLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("image_input", "Image input", LayerFamily.INPUT,
                        "Feeds images shaped channels×height×width into the network, one batch at a time. "
                                + "Use 1 channel for grey images and 3 for colour; e.g. 1×28×28 for handwritten digits.",
                        List.of(new IntParam("channels", "Channels", 1, 1, 4096, "Colour planes per image: 1 grey, 3 RGB."),
                                new IntParam("height", "Height", 28, 1, 8192, "Image height in pixels."),
                                new IntParam("width", "Width", 28, 1, 8192, "Image width in pixels.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("channels"), p.getInt("height"), p.getInt("width")))),
                new LayerSpec("vector_input", "Vector input", LayerFamily.INPUT,
                        "Feeds rows of numbers (tabular features) into the network. "
                                + "Set the feature count to the number of columns you train on, e.g. 2 for points in the plane.",
                        List.of(new IntParam("features", "Features", 2, 1, 1_000_000, "Numbers per sample.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("features")))));
    }
}
