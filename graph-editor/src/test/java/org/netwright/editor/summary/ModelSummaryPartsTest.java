package org.netwright.editor.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;

/** A canvas of two unconnected parts (a GAN) is summarised part by part, the task's generator first. */
class ModelSummaryPartsTest {
    // Ids chosen so that one topological order interleaves the parts (d_in sorts before g_in).
    private final Graph gan = Graph.of(List.of(
                    new Node("d_in", "vector_input", Map.of("features", 2), 0, 300),
                    new Node("g_in", "vector_input", Map.of("features", 4), 0, 0),
                    new Node("d_dense", "dense", Map.of("units", 8), 200, 300),
                    new Node("g_dense", "dense", Map.of("units", 8), 200, 0),
                    new Node("d_score", "dense", Map.of("units", 1), 400, 300),
                    new Node("g_sample", "dense", Map.of("units", 2), 400, 0)),
            List.of(Edge.of("g_in", "out", "g_dense", "in"), Edge.of("g_dense", "out", "g_sample", "in"),
                    Edge.of("d_in", "out", "d_dense", "in"), Edge.of("d_dense", "out", "d_score", "in")));

    @Test
    void ganRowsComeGeneratorFirstThenDiscriminatorEachInFlowOrder() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("g_sample", "Generator");
        names.put("d_score", "Discriminator");
        ModelSummary s = ModelSummary.of(gan, ShapeInference.infer(gan), LayerCatalog.standard(), names);
        assertEquals(List.of("g_in", "g_dense", "g_sample", "d_in", "d_dense", "d_score"),
                s.rows().stream().map(SummaryRow::nodeId).toList());
        assertEquals(List.of("Generator", "Generator", "Generator", "Discriminator", "Discriminator", "Discriminator"),
                s.rows().stream().map(SummaryRow::part).toList());
    }

    @Test
    void unnamedPartsAreNumberedAndOneNetworkHasNoPart() {
        ModelSummary s = ModelSummary.of(gan, ShapeInference.infer(gan), LayerCatalog.standard());
        List<String> parts = s.rows().stream().map(SummaryRow::part).toList();
        assertEquals(List.of("Part 1", "Part 1", "Part 1", "Part 2", "Part 2", "Part 2"), parts);

        Graph one = gan.withoutNodes(List.of("d_in", "d_dense", "d_score"));
        ModelSummary single = ModelSummary.of(one, ShapeInference.infer(one), LayerCatalog.standard());
        assertEquals(List.of("", "", ""), single.rows().stream().map(SummaryRow::part).toList());
    }
}
