package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.netwright.editor.NodePorts;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Node;

/**
 * The shape of a node's card as the canvas draws it, computed from {@link NodeGeometry} without drawing it, for the
 * automatic layout: the width is fixed, the height is that of the header and port rows (a red card's message may
 * make it taller; the layout's gaps leave room for a line).
 */
public final class CardShapes implements Function<Node, CardShape> {
    /** Strip, header lines (title, id, shape, parameters) and padding of a card with one input and one output. */
    static final double SINGLE_HEIGHT = 92;

    private final LayerCatalog catalog = LayerCatalog.standard();

    /** The card shapes of the standard catalog. */
    public static CardShapes standard() {
        return new CardShapes();
    }

    @Override
    public CardShape apply(Node node) {
        LayerSpec spec = catalog.find(node.type()).orElse(null);
        List<String> ins = NodePorts.inputs(node, spec);
        List<String> outs = NodePorts.outputs(node, spec);
        boolean composite = CompositePorts.isComposite(node);
        boolean many = NodeGeometry.manyPorts(ins.size(), outs.size());
        double height = many
                ? NodeGeometry.STRIP + NodeGeometry.BODY_TOP + NodeGeometry.headerHeight(composite)
                        + Math.max(ins.size(), outs.size()) * NodeGeometry.PORT_GAP + 10
                : SINGLE_HEIGHT + (composite ? NodeGeometry.COMPOSITE_LINE : 0);
        return new CardShape(NodeGeometry.WIDTH, height, ports(ins, many, composite), ports(outs, many, composite));
    }

    private static List<CardShape.PortAt> ports(List<String> names, boolean many, boolean composite) {
        List<CardShape.PortAt> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new CardShape.PortAt(names.get(i), NodeGeometry.portY(i, many, composite)));
        }
        return out;
    }
}
