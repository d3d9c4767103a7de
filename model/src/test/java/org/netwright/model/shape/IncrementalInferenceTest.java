package org.netwright.model.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.netwright.model.SampleGraphs;
import org.netwright.model.command.AddNode;
import org.netwright.model.command.Connect;
import org.netwright.model.command.Disconnect;
import org.netwright.model.command.MoveNodes;
import org.netwright.model.command.RemoveNodes;
import org.netwright.model.command.SetParam;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** {@link ShapeInference#update} must always equal a full inference of the edited graph, and reuse what it can. */
class IncrementalInferenceTest {

    private static void assertSameAsFull(Graph before, UnaryOperator<Graph> edit) {
        GraphShapes beforeShapes = ShapeInference.infer(before);
        Graph after = edit.apply(before);
        assertEquals(ShapeInference.infer(after), ShapeInference.update(before, beforeShapes, after));
    }

    @Test
    void aParameterEditChangesEveryShapeDownstream() {
        Graph g = SampleGraphs.lenet();
        assertSameAsFull(g, x -> SetParam.of(x, "conv1", "filters", 8).apply(x));
        assertSameAsFull(g, x -> SetParam.of(x, "conv2", "kernel", 3).apply(x));
    }

    @Test
    void aBrokenEdgeBlocksDownstreamAndRewiringHealsIt() {
        Graph g = SampleGraphs.lenet();
        Edge e = g.incomingEdges("flatten").get(0);
        assertSameAsFull(g, x -> new Disconnect(e).apply(x));
        Graph cut = new Disconnect(e).apply(g);
        assertSameAsFull(cut, x -> new Connect(e).apply(x));
    }

    @Test
    void addingAndRemovingNodesMatchesAFullInference() {
        Graph g = SampleGraphs.lenet();
        assertSameAsFull(g, x -> new AddNode(new Node("extra", "dense", Map.of("units", 3), 0, 0)).apply(x)
                .connect(Edge.of("fc2", "out", "extra", "in")));
        assertSameAsFull(g, x -> RemoveNodes.of(x, List.of("relu2")).apply(x));
    }

    @Test
    void aMoveReusesEveryReport() {
        Graph g = SampleGraphs.lenet();
        GraphShapes before = ShapeInference.infer(g);
        Graph moved = new MoveNodes(List.of("conv1"), 30, 40).apply(g);
        GraphShapes after = ShapeInference.update(g, before, moved);
        for (String id : g.nodes().keySet()) {
            assertSame(before.report(id), after.report(id), id);
        }
    }

    @Test
    void anEditKeepsTheReportsUpstreamOfIt() {
        Graph g = SampleGraphs.lenet();
        GraphShapes before = ShapeInference.infer(g);
        Graph edited = SetParam.of(g, "fc1", "units", 64).apply(g);
        GraphShapes after = ShapeInference.update(g, before, edited);
        assertSame(before.report("conv1"), after.report("conv1"));
        assertSame(before.report("flatten"), after.report("flatten"));
        assertFalse(before.report("fc2").equals(after.report("fc2")), "fc2's parameters depend on fc1's units");
        assertTrue(after.isValid());
    }
}
