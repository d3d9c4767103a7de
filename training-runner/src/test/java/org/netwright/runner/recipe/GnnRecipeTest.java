package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;

/**
 * The graph network templates, in their defaults: GCN and GAT find the communities of a noisy planted partition
 * (test node accuracy at least 0.9), and the graph classifier tells rings from trees of varying size, batched
 * with padding and a masked readout (test graph accuracy at least 0.9).
 */
@Tag("training")
class GnnRecipeTest {

    @ParameterizedTest(name = "gcn-node seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gcnNodeFindsTheNoisyCommunities(long seed) {
        assertNodeAccuracy("gcn-node", seed);
    }

    @ParameterizedTest(name = "gat-node seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gatNodeFindsTheNoisyCommunities(long seed) {
        assertNodeAccuracy("gat-node", seed);
    }

    private static void assertNodeAccuracy(String id, long seed) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        var settings = t.settings().withSeed(seed);
        GraphDataset graph = Generators.generateGraph(settings.data(), seed);
        RunResult result = new TrainingRun(t.graph(), settings,
                graph.split(settings.validationSplit(), settings.testSplit(), seed)).run();
        assertEquals("completed", result.status(), result.message());
        Double accuracy = result.metrics().get("test_accuracy");
        assertNotNull(accuracy, result.metrics().toString());
        System.out.println(id + " seed " + seed + ": " + result.metrics());
        assertTrue(accuracy >= 0.9, id + " seed " + seed + ": " + result.metrics());
    }

    @ParameterizedTest(name = "gnn-graph-classify seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void graphClassifierTellsRingsFromTrees(long seed) {
        Template t = TemplateLibrary.find("gnn-graph-classify").orElseThrow();
        var settings = t.settings().withSeed(seed);
        GraphSet graphs = Generators.generateGraphSet(settings.data(), seed);
        RunResult result = new TrainingRun(t.graph(), settings,
                graphs.split(settings.validationSplit(), settings.testSplit(), seed)).run();
        assertEquals("completed", result.status(), result.message());
        Double accuracy = result.metrics().get("test_accuracy");
        assertNotNull(accuracy, result.metrics().toString());
        System.out.println("gnn-graph-classify seed " + seed + ": " + result.metrics());
        assertTrue(accuracy >= 0.9, "seed " + seed + ": " + result.metrics());
        assertNotNull(result.epochs().get(0).metrics().get("val_accuracy"));
    }
}
