package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.ShapeInference;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.Template;

class DataCheckTest {
    private static DataCheck.Outcome check(DataRecipe recipe, Graph g) {
        return DataCheck.check(recipe, g, g == null ? null : ShapeInference.infer(g), Path.of("."), 42);
    }

    @Test
    void aCsvThatFitsIsDescribedInWords() {
        DataCheck.Outcome o = check(DataSources.recipeFor(TestData.shared("tabular/iris.csv")), TestData.mlp(4, 3));
        assertEquals("iris.csv (150 rows, 4 features, 3 classes)", o.summary());
        assertEquals(Optional.empty(), o.problem());
    }

    @Test
    void tooManyFeaturesAreRefusedInTheRunnersWords() {
        DataCheck.Outcome o = check(DataSources.recipeFor(TestData.shared("digits/digits.csv")), TestData.mlp(4, 3));
        assertEquals("The data's samples are a vector of 64 but the input layer 'input' expects a vector of 4."
                + " To fix it, click 'input' and set its Features to 64, or choose data with 4 numbers per sample.",
                o.problem().orElseThrow());
    }

    @Test
    void theClassCountMustMatchTheOutput() {
        DataCheck.Outcome o = check(DataRecipe.generator("two_moons", Map.of()), TestData.mlp(2, 3));
        assertEquals("two moons generator (1000 samples)", o.summary());
        assertTrue(o.problem().orElseThrow().startsWith("The data has 2 classes, so the output layer 'dense'"),
                o.problem().toString());
    }

    @Test
    void imagesFlattenIntoAVectorInputOfTheSameSize() {
        DataCheck.Outcome o = check(DataSources.recipeFor(TestData.shared("digits/t10k-images-idx3-ubyte")),
                TestData.mlp(64, 10));
        assertEquals("t10k-images-idx3-ubyte (360 images 1×8×8, 10 classes)", o.summary());
        assertEquals(Optional.empty(), o.problem());
    }

    @Test
    void anEdgeTableIsOneGraphAndNeedsAGraphInput() {
        DataCheck.Outcome o = check(DataSources.recipeFor(TestData.shared("graph/karate_edges.csv")), TestData.mlp(4, 2));
        assertEquals("karate_edges.csv (34 nodes, 78 edges, 2 classes)", o.summary());
        assertTrue(o.problem().orElseThrow().contains("must start with a graph input"), o.problem().toString());
    }

    @Test
    void anUnfinishedNetworkIsNotJudgedOnlyTheFileIsRead() {
        Graph inputOnly = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 4), 0, 0)), List.of());
        assertEquals(Optional.empty(), check(DataSources.recipeFor(TestData.shared("digits/digits.csv")), inputOnly).problem());
    }

    @Test
    void aMissingFileSaysSo() {
        DataCheck.Outcome o = check(DataRecipe.file("csv", "/nowhere/gone.csv"), null);
        assertEquals("gone.csv", o.summary());
        assertTrue(o.problem().orElseThrow().contains("There is no file"), o.problem().toString());
    }

    @Test
    void aTemplateWaitingForDataSaysWhatItExpects() {
        DataCheck.Outcome o = check(Template.userData("idx", "3×224×224 colour images in 1000 classes"), null);
        assertEquals("none yet — this network expects 3×224×224 colour images in 1000 classes", o.summary());
    }
    /** The hand-built GAN of the report: noise -> Dense -> ReLU -> Dense 2 and point -> Dense -> LeakyReLU -> Dense 1. */
    private static Graph handBuiltGan(String... extraAfter) {
        List<Node> nodes = new java.util.ArrayList<>(List.of(
                new Node("noise", "noise_input", Map.of("latent", 8), 0, 0),
                new Node("dense_1", "dense", Map.of("units", 16), 0, 0), new Node("relu_1", "relu", Map.of(), 0, 0),
                new Node("dense_2", "dense", Map.of("units", 2), 0, 0),
                new Node("point", "vector_input", Map.of("features", 2), 0, 0),
                new Node("dense_3", "dense", Map.of("units", 16), 0, 0),
                new Node("leaky_relu_1", "leaky_relu", Map.of(), 0, 0),
                new Node("dense_4", "dense", Map.of("units", 1), 0, 0)));
        List<org.netwright.model.graph.Edge> edges = new java.util.ArrayList<>(List.of(
                org.netwright.model.graph.Edge.of("noise", "out", "dense_1", "in"),
                org.netwright.model.graph.Edge.of("dense_1", "out", "relu_1", "in"),
                org.netwright.model.graph.Edge.of("relu_1", "out", "dense_2", "in"),
                org.netwright.model.graph.Edge.of("point", "out", "dense_3", "in"),
                org.netwright.model.graph.Edge.of("dense_3", "out", "leaky_relu_1", "in"),
                org.netwright.model.graph.Edge.of("leaky_relu_1", "out", "dense_4", "in")));
        for (String after : extraAfter) {
            nodes.add(new Node("dense_5", "dense", Map.of("units", 1), 0, 0));
            edges.add(org.netwright.model.graph.Edge.of(after, "out", "dense_5", "in"));
        }
        return Graph.of(nodes, edges);
    }

    @Test
    void handBuiltGanTrainsAsOne() {
        DataCheck.Outcome o = check(DataRecipe.generator("two_moons", Map.of()), handBuiltGan());
        assertEquals(Optional.empty(), o.problem());
    }

    /**
     * The report: a third output layer after the discriminator's LeakyReLU switched the Data row to "The data has 2
     * classes, so the output layer 'dense_4' must give a vector of 2", naming one output and not saying the GAN was gone.
     */
    @Test
    void aThirdOutputOnAGanSaysWhyItIsNoLongerOneAndNamesBothOutputs() {
        String problem = check(DataRecipe.generator("two_moons", Map.of()), handBuiltGan("leaky_relu_1")).problem()
                .orElseThrow();
        assertTrue(problem.startsWith("Not trained as a GAN: its discriminator (the part from 'point') ends in 2 output"
                + " layers, 'dense_4' and 'dense_5'"), problem);
        assertTrue(problem.contains("Delete the output layer you added or connect it on"), problem);
    }
}
