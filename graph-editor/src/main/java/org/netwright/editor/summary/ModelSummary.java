package org.netwright.editor.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.netwright.editor.Formats;
import org.netwright.editor.NodePorts;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;

/**
 * The model summary of a graph: its rows in the order data flows (the shape inference's order, then any node it
 * did not reach) and the totals, split into trainable and frozen parameters. Every figure is the shape inference's
 * (a pure function; nothing is recomputed here).
 */
public record ModelSummary(List<SummaryRow> rows, long totalParams, long trainableParams, long frozenParams,
                           long totalMacs) {
    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code graph} with the shapes inferred for it. */
    public static ModelSummary of(Graph graph, GraphShapes shapes, LayerCatalog catalog) {
        Set<String> order = new LinkedHashSet<>(shapes.order());
        order.retainAll(graph.nodes().keySet());
        order.addAll(graph.nodes().keySet());
        List<SummaryRow> rows = new ArrayList<>();
        long trainable = 0;
        long frozen = 0;
        long macs = 0;
        for (String id : order) {
            Node node = graph.require(id);
            LayerSpec spec = catalog.find(node.type()).orElse(null);
            NodeReport report = shapes.report(id);
            boolean ok = report != null && report.isOk();
            long params = ok ? report.params() : 0;
            long nodeMacs = ok ? report.macs() : 0;
            String name = CompositePorts.isComposite(node)
                    ? String.valueOf(node.params().getOrDefault("name", node.id()))
                    : spec == null ? node.type() : spec.name();
            String output = ok ? Formats.outputs(NodePorts.outputs(node, spec), report.outputs()) : "?";
            rows.add(new SummaryRow(id, name, node.type(), output, params, nodeMacs, node.trainable()));
            if (node.trainable()) {
                trainable += params;
            } else {
                frozen += params;
            }
            macs += nodeMacs;
        }
        return new ModelSummary(rows, trainable + frozen, trainable, frozen, macs);
    }

    /** The totals in one line, e.g. "12 layers · 61,706 params (61,706 trainable, 0 frozen) · 416.5 K MACs". */
    public String totalsText() {
        return rows.size() + (rows.size() == 1 ? " layer" : " layers") + " · " + Formats.params(totalParams) + " ("
                + Formats.count(trainableParams) + " trainable, " + Formats.count(frozenParams) + " frozen) · "
                + Formats.macs(totalMacs);
    }

    /** The row of a node, if it is in the summary. */
    public java.util.Optional<SummaryRow> row(String nodeId) {
        return rows.stream().filter(r -> r.nodeId().equals(nodeId)).findFirst();
    }

}
