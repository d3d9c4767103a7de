package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Every template exported as PyTorch source and run by Debian's torch: the same parameter count as ours and the
 * same outputs as our block within 1e-4 on the same inputs, with seeded weights.
 */
class TorchParityTest {
    private static final double TOLERANCE = 1e-4;
    private static final List<String> LARGE = List.of("alexnet", "vgg16");

    @TempDir
    Path tmp;

    @Test
    void everyTemplateButTheLargestAgreesWithOurBlock() {
        check(t -> !LARGE.contains(t.id()), 2);
    }

    @Test
    @Tag("slow")
    void alexnetAndVgg16AgreeWithOurBlock() {
        check(t -> LARGE.contains(t.id()), 1);
    }

    @Test
    void idsThatAreNotPythonNamesStillLoad() {
        // Keywords, nn.Module's own attributes, dashes and leading digits all become valid, distinct names.
        Graph g = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 3), 0, 0),
                new Node("class", "dense", Map.of("units", 4), 0, 0), new Node("training", "relu", Map.of(), 0, 0),
                new Node("2nd-layer", "dense", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("input", "out", "class", "in"), Edge.of("class", "out", "training", "in"),
                        Edge.of("training", "out", "2nd-layer", "in")));
        List<String> failures = TorchParity.failures(Map.of("odd-ids", g), 2, TOLERANCE, tmp);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void check(Predicate<Template> which, int batch) {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        TemplateLibrary.all().stream().filter(which).forEach(t -> graphs.put(t.id(), t.graph()));
        List<String> failures = TorchParity.failures(graphs, batch, TOLERANCE, tmp);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
