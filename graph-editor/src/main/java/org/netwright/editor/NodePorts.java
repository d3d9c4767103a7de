package org.netwright.editor;

import java.util.List;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Node;

/** A node's port names as the canvas and inspector draw them: a composite's come from its body, a layer's from its catalog entry. */
public final class NodePorts {
    private NodePorts() {
    }

    /** Input ports; none for an unknown type (spec null). */
    public static List<String> inputs(Node node, LayerSpec spec) {
        if (CompositePorts.isComposite(node)) {
            return CompositePorts.inputs(node);
        }
        return spec == null ? List.of() : spec.inputPorts(spec.resolve(node.params()));
    }

    /** Output ports, which for some layers (e.g. Split) depend on the parameters. */
    public static List<String> outputs(Node node, LayerSpec spec) {
        if (CompositePorts.isComposite(node)) {
            return CompositePorts.outputs(node);
        }
        return spec == null ? List.of() : spec.outputPorts(spec.resolve(node.params()));
    }

    /** True for the types only grouping makes (the composite and its port placeholders), kept out of the palette. */
    public static boolean madeByGrouping(String type) {
        return CompositePorts.COMPOSITE.equals(type) || CompositePorts.INPUT.equals(type)
                || CompositePorts.OUTPUT.equals(type);
    }
}
