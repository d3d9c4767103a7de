package org.netwright.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Lays out layers left to right, numbering ids per type ({@code dense_1}, {@code relu_2}). Big networks
 * wrap into rows like lines of text ({@link #newRow()}), so that every edge inside a row runs left to
 * right and the canvas stays viewable; residual blocks put their shortcut in a lane under the main path,
 * on the canvas itself or inside a composite block.
 */
final class GraphBuilder {
    static final double LEFT = 40;
    static final double STEP_X = 250;
    static final double ROW_Y = 200;
    /** Distance between two rows: room for a row's main lane and its shortcut lane. */
    static final double ROW_GAP = 320;
    /** How far under the main lane a shortcut branch sits. */
    static final double LANE_Y = 140;

    /** One layer to place: its catalog type and parameters. */
    record Layer(String type, Map<String, Object> params) {
        static Layer of(String type) {
            return new Layer(type, Map.of());
        }

        static Layer of(String type, Map<String, Object> params) {
            return new Layer(type, params);
        }
    }

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private Graph graph = Graph.empty();
    private String last;
    private double cursorX = LEFT;
    private double rowY = ROW_Y;

    /** Starts the chain with an input node called {@code input}. */
    GraphBuilder input(String type, Map<String, Object> params) {
        graph = graph.withNode(new Node("input", type, params, cursorX, rowY));
        last = "input";
        cursorX += STEP_X;
        return this;
    }

    /** Appends a layer fed by the previous one, one step to the right. */
    GraphBuilder then(String type, Map<String, Object> params) {
        String id = place(type, params, cursorX, rowY);
        graph = graph.connect(Edge.of(last, "out", id, "in"));
        last = id;
        cursorX += STEP_X;
        return this;
    }

    GraphBuilder then(String type) {
        return then(type, Map.of());
    }

    GraphBuilder then(Layer layer) {
        return then(layer.type(), layer.params());
    }

    /** Continues on a new row under the current one, starting at the left edge. */
    GraphBuilder newRow() {
        rowY += ROW_GAP;
        cursorX = LEFT;
        return this;
    }

    /**
     * A residual block: {@code main} from the current node, {@code shortcut} (empty for the identity) in the
     * lane underneath from the same node, their sum in an {@code add} node, then {@code after} (e.g. relu).
     */
    GraphBuilder residual(List<Layer> main, List<Layer> shortcut, List<Layer> after) {
        String blockIn = last;
        double laneX = cursorX;
        for (Layer l : main) {
            then(l);
        }
        String mainOut = last;
        String branch = blockIn;
        for (Layer l : shortcut) {
            String id = place(l.type(), l.params(), laneX, rowY + LANE_Y);
            graph = graph.connect(Edge.of(branch, "out", id, "in"));
            branch = id;
            laneX += STEP_X;
        }
        String sum = place("add", Map.of("inputs", 2), Math.max(cursorX, laneX), rowY);
        graph = graph.connect(Edge.of(mainOut, "out", sum, "in1")).connect(Edge.of(branch, "out", sum, "in2"));
        last = sum;
        cursorX = Math.max(cursorX, laneX) + STEP_X;
        for (Layer l : after) {
            then(l);
        }
        return this;
    }

    /**
     * The same residual block wrapped as one composite node {@code id} (its name too) on this chain: the body
     * holds the block laid out as {@link #residual} would, between the placeholders of its ports {@code in}
     * and {@code out}. Shape inference, parameter counts and the runner see through it.
     */
    GraphBuilder residualBlock(String id, List<Layer> main, List<Layer> shortcut, List<Layer> after) {
        Graph body = new GraphBuilder()
                .input(CompositePorts.INPUT, Map.of(CompositePorts.PORT, "in"))
                .residual(main, shortcut, after)
                .then(CompositePorts.OUTPUT, Map.of(CompositePorts.PORT, "out"))
                .build();
        graph = graph.withNode(new Node(id, CompositePorts.COMPOSITE, Map.of("name", id), cursorX, rowY, body))
                .connect(Edge.of(last, "out", id, "in"));
        last = id;
        cursorX += STEP_X;
        return this;
    }

    Graph build() {
        return graph;
    }

    private String place(String type, Map<String, Object> params, double x, double y) {
        int n = counts.merge(type, 1, Integer::sum);
        String id = type + "_" + n;
        graph = graph.withNode(new Node(id, type, params, x, y));
        return id;
    }
}
