package org.netwright.editor.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.netwright.model.task.TaskProposal;

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
        return of(graph, shapes, catalog, Map.of());
    }

    /**
     * The summary of {@code graph}; when the canvas holds unconnected parts (a GAN's generator and discriminator) the
     * rows come part by part, each in the order data flows, so one part's layers are not mixed into the other's.
     * A part is named after the first entry of {@code partNames} (node id to name, e.g. the task's generator output
     * to "Generator") that it holds, and those come first in that order; the others are "Part 2", "Part 3", ...
     * numbered as the parts come.
     */
    public static ModelSummary of(Graph graph, GraphShapes shapes, LayerCatalog catalog, Map<String, String> partNames) {
        Set<String> flow = new LinkedHashSet<>(shapes.order());
        flow.retainAll(graph.nodes().keySet());
        flow.addAll(graph.nodes().keySet());
        List<Set<String>> components = TaskProposal.components(graph);
        Map<String, String> partOf = new HashMap<>();
        List<Set<String>> parts = new ArrayList<>();
        if (components.size() > 1) {
            if (partNames.isEmpty()) {
                partNames = ganParts(graph, components);
            }
            Map<Set<String>, String> named = new LinkedHashMap<>();
            partNames.forEach((nodeId, name) -> components.stream().filter(c -> c.contains(nodeId)).findFirst()
                    .ifPresent(c -> named.putIfAbsent(c, name)));
            parts.addAll(named.keySet());
            // The unnamed parts in the order their first layer comes in the flow.
            for (String id : flow) {
                components.stream().filter(c -> c.contains(id) && !parts.contains(c)).findFirst().ifPresent(parts::add);
            }
            for (int i = 0; i < parts.size(); i++) {
                String name = named.getOrDefault(parts.get(i), "Part " + (i + 1));
                parts.get(i).forEach(id -> partOf.put(id, name));
            }
        }
        List<String> order = new ArrayList<>();
        if (parts.isEmpty()) {
            order.addAll(flow);
        } else {
            for (Set<String> part : parts) {
                flow.stream().filter(part::contains).forEach(order::add);
            }
        }
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
            rows.add(new SummaryRow(id, name, node.type(), output, params, nodeMacs, node.trainable(),
                    partOf.getOrDefault(id, "")));
            if (node.trainable()) {
                trainable += params;
            } else {
                frozen += params;
            }
            macs += nodeMacs;
        }
        return new ModelSummary(rows, trainable + frozen, trainable, frozen, macs);
    }

    /**
     * Without a task that names them, two parts of which exactly one starts from a noise input read as a GAN, as the
     * task proposal reads them: that part is the generator, the other the discriminator.
     */
    private static Map<String, String> ganParts(Graph graph, List<Set<String>> components) {
        if (components.size() != 2) {
            return Map.of();
        }
        List<Set<String>> noisy = components.stream().filter(c -> c.stream()
                .anyMatch(id -> graph.require(id).type().equals("noise_input"))).toList();
        if (noisy.size() != 1) {
            return Map.of();
        }
        Set<String> other = components.get(0) == noisy.get(0) ? components.get(1) : components.get(0);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(noisy.get(0).iterator().next(), "Generator");
        names.put(other.iterator().next(), "Discriminator");
        return names;
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
