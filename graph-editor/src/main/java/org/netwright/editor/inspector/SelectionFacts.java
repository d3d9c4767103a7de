package org.netwright.editor.inspector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.editor.Formats;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;

/**
 * What the inspector says about several selected layers at once (no JavaFX): how many, of which types, their
 * parameters together, and how many of those with weights train or are frozen.
 *
 * @param ids the selected nodes still in the graph, in selection order
 * @param types each type's name with how many of the selection have it, most frequent first
 * @param params the parameters of all of them together (of those whose shapes work out)
 * @param withWeights how many have parameters (the ones a trainable switch applies to)
 * @param frozen how many of those are frozen
 */
public record SelectionFacts(List<String> ids, Map<String, Integer> types, long params, int withWeights, int frozen) {

    /** The facts for the selected {@code ids} that are in {@code graph}. */
    public static SelectionFacts of(Graph graph, GraphShapes shapes, Collection<String> ids) {
        List<String> present = new ArrayList<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        long params = 0;
        int withWeights = 0;
        int frozen = 0;
        LayerCatalog catalog = LayerCatalog.standard();
        for (String id : ids) {
            Node node = graph.node(id).orElse(null);
            if (node == null) {
                continue;
            }
            present.add(id);
            String name = CompositePorts.isComposite(node) ? "Block"
                    : catalog.find(node.type()).map(LayerSpec::name).orElse(node.type());
            types.merge(name, 1, Integer::sum);
            NodeReport report = shapes == null ? null : shapes.report(id);
            if (report != null && report.isOk() && report.params() > 0) {
                params += report.params();
                withWeights++;
                if (!node.trainable()) {
                    frozen++;
                }
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        types.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new SelectionFacts(List.copyOf(present), sorted, params, withWeights, frozen);
    }

    /** "3 layers selected". */
    public String title() {
        return ids.size() + " layer" + (ids.size() == 1 ? "" : "s") + " selected";
    }

    /** "2 × Dense, 1 × ReLU". */
    public String typesLine() {
        List<String> parts = new ArrayList<>();
        types.forEach((name, n) -> parts.add(n + " \u00d7 " + name));
        return String.join(", ", parts);
    }

    /** "Parameters together: 1,234". */
    public String paramsLine() {
        return "Parameters together: " + Formats.count(params);
    }

    /** Whether every selected layer with weights trains (true), none does (false), or some do (null). */
    public Boolean allTrain() {
        if (frozen == 0) {
            return true;
        }
        return frozen == withWeights ? false : null;
    }
}
