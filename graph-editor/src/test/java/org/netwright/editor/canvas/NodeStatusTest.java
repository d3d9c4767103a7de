package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;

class NodeStatusTest {
    private final Graph graph = Graph.of(List.of(
                    new Node("vec", "vector_input", Map.of(), 0, 0),
                    new Node("conv", "conv2d", Map.of(), 0, 0),
                    new Node("relu", "relu", Map.of(), 0, 0),
                    new Node("loose", "dense", Map.of(), 0, 0),
                    new Node("bad", "dense", Map.of("units", -3), 0, 0),
                    new Node("alien", "warp_drive", Map.of(), 0, 0)),
            List.of(Edge.of("vec", "out", "conv", "in"), Edge.of("conv", "out", "relu", "in")));
    private final GraphShapes shapes = ShapeInference.infer(graph);

    private NodeStatus status(String id) {
        Node node = graph.require(id);
        return NodeStatus.of(graph, node, LayerCatalog.standard().find(node.type()).orElse(null), shapes.report(id));
    }

    @Test
    void wiredCorrectlyIsOk() {
        assertEquals(NodeStatus.Kind.OK, status("vec").kind());
    }

    @Test
    void wrongInputShapeIsAnErrorWithoutTheNodeName() {
        NodeStatus s = status("conv");
        assertEquals(NodeStatus.Kind.ERROR, s.kind());
        assertTrue(s.text().startsWith("Expects an image shaped C×H×W, but got a vector of 2"), s.text());
    }

    @Test
    void downstreamOfAnErrorIsBlocked() {
        assertEquals(NodeStatus.Kind.BLOCKED, status("relu").kind());
    }

    @Test
    void aFreeInputIsAToDoNotAnError() {
        NodeStatus s = status("loose");
        assertEquals(NodeStatus.Kind.NEEDS_INPUT, s.kind());
        assertTrue(s.text().contains("'in'"), s.text());
    }

    @Test
    void anInvalidParameterIsAnErrorEvenWhenNotWired() {
        NodeStatus s = status("bad");
        assertEquals(NodeStatus.Kind.ERROR, s.kind());
        assertTrue(s.text().contains("Units must be between"), s.text());
    }

    @Test
    void anUnknownLayerTypeIsAnError() {
        assertEquals(NodeStatus.Kind.ERROR, status("alien").kind());
    }
}
