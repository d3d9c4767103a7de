package org.netwright.model.shape;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What shape inference found for one node: its output shapes by port, parameter and MAC counts,
 * or the problem that stops it. {@code blocked} means an upstream node has the problem, not this one.
 */
public record NodeReport(String nodeId, Map<String, Shape> outputs, long params, long macs,
                         Optional<String> problem, boolean blocked) {

    public NodeReport {
        outputs = Map.copyOf(outputs);
    }

    public static NodeReport ok(String nodeId, Map<String, Shape> outputs, long params, long macs) {
        return new NodeReport(nodeId, outputs, params, macs, Optional.empty(), false);
    }

    public static NodeReport problem(String nodeId, String message) {
        return new NodeReport(nodeId, Map.of(), 0, 0, Optional.of(message), false);
    }

    public static NodeReport blocked(String nodeId, String message) {
        return new NodeReport(nodeId, Map.of(), 0, 0, Optional.of(message), true);
    }

    public boolean isOk() {
        return problem.isEmpty();
    }

    /** The shape on the node's first output port, when it has one. */
    public Optional<Shape> mainOutput(List<String> outputPorts) {
        return outputPorts.isEmpty() ? Optional.empty() : Optional.ofNullable(outputs.get(outputPorts.get(0)));
    }
}
