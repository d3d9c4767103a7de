package org.netwright.model.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shape inference results for a whole graph, in topological order. */
public record GraphShapes(List<String> order, Map<String, NodeReport> reports) {
    public GraphShapes {
        order = List.copyOf(order);
        reports = Map.copyOf(reports);
    }

    public NodeReport report(String nodeId) {
        return reports.get(nodeId);
    }

    public long totalParams() {
        return reports.values().stream().mapToLong(NodeReport::params).sum();
    }

    public long totalMacs() {
        return reports.values().stream().mapToLong(NodeReport::macs).sum();
    }

    public boolean isValid() {
        return reports.values().stream().allMatch(NodeReport::isOk);
    }

    /** Problems of the nodes that cause them (not the ones merely blocked), each starting with the node id. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (String id : order) {
            NodeReport r = reports.get(id);
            if (!r.blocked()) {
                r.problem().ifPresent(out::add);
            }
        }
        return out;
    }

    public Optional<String> firstProblem() {
        List<String> all = problems();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
