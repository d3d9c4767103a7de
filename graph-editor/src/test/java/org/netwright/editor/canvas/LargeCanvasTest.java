package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.MoveNodes;
import org.netwright.model.command.SetParam;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An edit of a large graph rebuilds only the cards it changed: counted by card instances, not timed, so the
 * test holds on a loaded machine. It prints how long the edit took on the FX thread, for information.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LargeCanvasTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i < 60; i++) {
            nodes.add(new Node("dense_" + i, "dense", Map.of("units", 8), (i % 10) * 500, (i / 10) * 150));
            nodes.add(new Node("relu_" + i, "relu", Map.of(), (i % 10) * 500 + 250, (i / 10) * 150));
            edges.add(Edge.of(last, "out", "dense_" + i, "in"));
            edges.add(Edge.of("dense_" + i, "out", "relu_" + i, "in"));
            last = "relu_" + i;
        }
        model = EditorFixture.show(stage, Graph.of(nodes, edges), 1200, 760);
    }

    /** How many cards drawn both before and after were rebuilt (a new instance for the same node). */
    private static long rebuilt(Set<NodeView> before, Set<NodeView> after) {
        Map<String, NodeView> was = new java.util.HashMap<>();
        before.forEach(v -> was.put(v.node().id(), v));
        return after.stream().filter(v -> was.containsKey(v.node().id()) && was.get(v.node().id()) != v).count();
    }

    private Set<NodeView> cards(GraphCanvas canvas) {
        Set<NodeView> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(canvas.nodeViews());
        return out;
    }

    @Test
    void aMoveOrAParameterEditRebuildsOnlyTheCardsItChanged(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        WaitForAsyncUtils.waitForFxEvents();
        // Only cards near the view are drawn (VirtualCanvasTest); the moved and edited ones are among them.
        for (String id : List.of("relu_35", "dense_55", "relu_55", "dense_56")) {
            org.junit.jupiter.api.Assertions.assertNotNull(canvas.nodeView(id), id + " is not drawn at Fit");
        }
        Set<NodeView> before = cards(canvas);

        long[] ns = new long[1];
        robot.interact(() -> {
            long t0 = System.nanoTime();
            model.execute(new MoveNodes(List.of("relu_35"), 30, 20));
            ns[0] = System.nanoTime() - t0;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, rebuilt(before, cards(canvas)), "a move rebuilt other cards than the moved one");
        System.out.printf("120-node canvas: move + incremental shapes + redraw %.1f ms%n", ns[0] / 1e6);

        Set<NodeView> beforeEdit = cards(canvas);
        robot.interact(() -> {
            long t0 = System.nanoTime();
            model.execute(SetParam.of(model.graph(), "dense_55", "units", 4));
            ns[0] = System.nanoTime() - t0;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Full cards: dense_55 itself, relu_55 (its shape becomes 4) and dense_56 (its parameter count follows its
        // input; its own output stays 8, so nothing after it changes): all but 3 cards stay. Brief cards (Fit of this
        // graph is under 50 %) show no shapes or counts, so only dense_55's is rebuilt.
        System.out.printf("120-node canvas: parameter edit + incremental shapes + redraw %.1f ms%n", ns[0] / 1e6);
        boolean brief = canvas.nodeView("dense_55").isBrief();
        assertEquals(brief ? 1 : 3, rebuilt(beforeEdit, cards(canvas)), "cards the edit did not change were rebuilt");
    }
}
