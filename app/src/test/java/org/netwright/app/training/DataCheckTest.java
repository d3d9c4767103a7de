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
        assertEquals("The data's samples are a vector of 64 but the input layer 'input' expects a vector of 4.",
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
}
