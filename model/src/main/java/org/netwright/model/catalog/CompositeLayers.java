package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.ShapeMismatch;

/**
 * The composite block and the two placeholders that give its body exposed ports. Shape inference
 * (see {@code CompositeInference}) and the runner look through a composite into its body, so the
 * composite's port rules here list nothing: a node's ports are {@code CompositePorts.inputs/outputs(node)}.
 */
final class CompositeLayers {
    private static final String PORT_PATTERN = "[a-z][a-z0-9_]{0,31}";

    private CompositeLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("composite", "Composite block", LayerFamily.CORE,
                        "A named group of layers that acts as one block, such as a residual block or an Inception module; "
                                + "its ports are the composite inputs and outputs inside it, and its parameter count is the sum of "
                                + "its layers'. Select layers and group them to make one.",
                        List.of(new TextParam("name", "Name", "block", "[A-Za-z][A-Za-z0-9_-]{0,39}",
                                "What the block is called on the canvas, e.g. residual or inception_3a.")),
                        Ports.none(), List.of(),
                        (p, in) -> {
                            throw new ShapeMismatch("is a composite block; its shapes come from the layers inside it");
                        }),
                new LayerSpec("composite_input", "Composite input", LayerFamily.CORE,
                        "Inside a composite block, stands for one of the block's input ports: what arrives there from "
                                + "outside comes out here. Name it after what it carries, e.g. in or skip.",
                        List.of(new TextParam("port", "Port name", "in", PORT_PATTERN, "The block's input port it stands for.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> {
                            throw new ShapeMismatch("stands for an input port of a composite block and works only inside one");
                        }),
                new LayerSpec("composite_output", "Composite output", LayerFamily.CORE,
                        "Inside a composite block, stands for one of the block's output ports: what is connected to it "
                                + "leaves the block there. A block needs at least one.",
                        List.of(new TextParam("port", "Port name", "out", PORT_PATTERN, "The block's output port it stands for.")),
                        // A sink inside the body: the composite's output shape is what arrives here.
                        Ports.single(), List.of(), (p, in) -> new LayerOutput(List.of(), 0, 0)));
    }
}
