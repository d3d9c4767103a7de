package org.netwright.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.TaskJson;
import org.netwright.model.shape.Shape;

class TaskProposalTest {
    private static Task propose(Graph g, DataField... fields) {
        return TaskProposal.propose(g, NetworkEnds.of(g), List.of(fields));
    }

    @Test
    void classificationBindsFeaturesToTheInputAndTheLabelToCrossEntropy() {
        Task t = propose(SampleGraphs.mlp(), DataField.values("features", Shape.of(2)), DataField.classId("label", 2));
        assertEquals(Task.PLAIN, t.recipe());
        assertEquals(List.of(new InputBinding("input", "features")), t.inputs());
        assertEquals(List.of(new Objective("out", "cross_entropy", "label", 1.0)), t.objectives());
        assertEquals(List.of("accuracy"), t.metrics());
    }

    @Test
    void aValueTargetIsRegressionWithMseAndItsMetrics() {
        Graph g = Graph.of(List.of(node("in", "vector_input", Map.of("features", 3)), node("out", "dense", Map.of("units", 1))),
                List.of(Edge.of("in", "out", "out", "in")));
        Task t = propose(g, DataField.values("x", Shape.of(3)), DataField.values("y", Shape.of(1)));
        assertEquals("mse", t.objectives().get(0).loss());
        assertEquals("y", t.objectives().get(0).target());
        assertEquals(List.of("mae", "rmse", "r2"), t.metrics());
    }

    @Test
    void withNoOtherTargetAnOutputShapedLikeItsInputReconstructsIt() {
        Graph g = Graph.of(List.of(node("in", "vector_input", Map.of("features", 4)), node("code", "dense", Map.of("units", 2)),
                node("out", "dense", Map.of("units", 4))),
                List.of(Edge.of("in", "out", "code", "in"), Edge.of("code", "out", "out", "in")));
        Task t = propose(g, DataField.values("x", Shape.of(4)));
        assertEquals(new Objective("out", "mse", "x", 1.0), t.objectives().get(0));
        Task denoise = propose(g, DataField.values("noisy", Shape.of(4)), DataField.values("clean", Shape.of(4)));
        assertEquals("noisy", denoise.fieldOf("in").orElseThrow());
        assertEquals("clean", denoise.objectives().get(0).target());
    }

    @Test
    void inputsNamedAfterFieldsTakeThemAndTokenOutputsGetTokenMetrics() {
        Graph g = Graph.of(List.of(node("source", "token_input", Map.of("length", 5, "vocabulary", 9)),
                        node("target_in", "token_input", Map.of("length", 5, "vocabulary", 9)),
                        node("e1", "embedding", Map.of("vocabulary", 9, "dimension", 4)),
                        node("e2", "embedding", Map.of("vocabulary", 9, "dimension", 4)),
                        node("sum", "add", Map.of()), node("logits", "dense", Map.of("units", 9))),
                List.of(Edge.of("source", "out", "e1", "in"), Edge.of("target_in", "out", "e2", "in"),
                        Edge.of("e1", "out", "sum", "in1"), Edge.of("e2", "out", "sum", "in2"),
                        Edge.of("sum", "out", "logits", "in")));
        Task t = propose(g, DataField.tokens("target_in", 5, 9), DataField.tokens("source", 5, 9),
                DataField.tokens("target_out", 5, 9));
        assertEquals("source", t.fieldOf("source").orElseThrow());
        assertEquals("target_in", t.fieldOf("target_in").orElseThrow());
        assertEquals(new Objective("logits", "cross_entropy", "target_out", 1.0), t.objectives().get(0));
        assertEquals(List.of("token_accuracy", "perplexity"), t.metrics());
    }

    @Test
    void aSamplingLayerMakesAVae() {
        Graph g = Graph.of(List.of(node("in", "vector_input", Map.of("features", 4)), node("mu", "dense", Map.of("units", 2)),
                        node("lv", "dense", Map.of("units", 2)), node("z", "sampling", Map.of()),
                        node("out", "dense", Map.of("units", 4))),
                List.of(Edge.of("in", "out", "mu", "in"), Edge.of("in", "out", "lv", "in"), Edge.of("mu", "out", "z", "mu"),
                        Edge.of("lv", "out", "z", "log_var"), Edge.of("z", "out", "out", "in")));
        Task t = propose(g, DataField.values("x", Shape.of(4)));
        assertEquals(Task.VAE, t.recipe());
        assertEquals("x", t.objectives().get(0).target());
    }

    @Test
    void twoPartsWhereNoiseBecomesTheOthersInputMakeAGan() {
        Graph g = Graph.of(List.of(node("z", "noise_input", Map.of("latent", 8)), node("g", "dense", Map.of("units", 2)),
                        node("x", "vector_input", Map.of("features", 2)), node("d", "dense", Map.of("units", 1))),
                List.of(Edge.of("z", "out", "g", "in"), Edge.of("x", "out", "d", "in")));
        Task t = propose(g, DataField.values("point", Shape.of(2)));
        assertEquals(Task.GAN, t.recipe());
        assertEquals("g", t.options().get("generator"));
        assertEquals("d", t.options().get("discriminator"));
        assertEquals("noise", t.fieldOf("z").orElseThrow());
        assertEquals("point", t.fieldOf("x").orElseThrow());
    }

    @Test
    void aClassCountThatDoesNotMatchTheOutputIsRefusedWithBothNumbers() {
        var e = assertThrows(TaskException.class, () -> propose(SampleGraphs.mlp(),
                DataField.values("features", Shape.of(2)), DataField.classId("label", 3)));
        assertEquals("The data has 3 classes, so the output layer 'out' must give a vector of 3; it gives a vector of 2."
                + " To fix it, set Units to 3 on the network's last Dense layer ('out' or the one just before it), one"
                + " score per class.", e.getMessage());
    }

    @Test
    void aLossThatDoesNotFitItsTargetIsAProblemSayingWhy() {
        Graph g = Graph.of(List.of(node("in", "vector_input", Map.of("features", 3)), node("out", "dense", Map.of("units", 1))),
                List.of(Edge.of("in", "out", "out", "in")));
        List<DataField> fields = List.of(DataField.values("x", Shape.of(3)), DataField.values("y", Shape.of(1)));
        Task t = TaskProposal.propose(g, NetworkEnds.of(g), fields).withLoss("cross_entropy");
        List<String> problems = TaskProposal.problems(t, NetworkEnds.of(g), fields);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("The loss cross_entropy compares class scores with class ids"), problems.get(0));
        assertTrue(TaskProposal.problems(t.withLoss("huber:delta=0.5"), NetworkEnds.of(g), fields).isEmpty());
    }

    @Test
    void aTaskSurvivesItsJson() {
        Task t = propose(SampleGraphs.mlp(), DataField.values("features", Shape.of(2)), DataField.classId("label", 2))
                .withOption("kl_weight", "0.5");
        assertEquals(t, TaskJson.read(TaskJson.write(t)));
    }

    @Test
    void aBlockEndingTheNetworkIsNamedWithWhatToAdd() {
        Graph chain = Graph.of(List.of(node("in", "vector_input", Map.of("features", 2)),
                        node("d1", "dense", Map.of("units", 8)), node("r1", "relu", Map.of())),
                List.of(Edge.of("in", "out", "d1", "in"), Edge.of("d1", "out", "r1", "in")));
        Graph grouped = org.netwright.model.command.GroupNodes.of(chain, List.of("d1", "r1"), "block_1", "block_1")
                .apply(chain);

        TaskException e = assertThrows(TaskException.class, () -> propose(grouped, DataField.values("features", Shape.of(2)),
                DataField.classId("label", 2)));
        assertTrue(e.getMessage().contains("ends in the block 'block_1'") && e.getMessage().contains("add a layer after it"),
                e.getMessage());
        Graph lonely = Graph.of(List.of(node("in", "vector_input", Map.of("features", 2))), List.of());
        assertEquals("The graph has no output layer: connect a layer after the input.", assertThrows(TaskException.class,
                () -> propose(lonely, DataField.values("features", Shape.of(2)))).getMessage());
    }

    @Test
    void aSecondInputOfTheSameShapeIsToldTheOneFieldIsTakenNotThatItsShapeIsWrong() {
        Graph g = Graph.of(List.of(node("in", "vector_input", Map.of("features", 2)),
                        node("copy", "vector_input", Map.of("features", 2)), node("out", "dense", Map.of("units", 2))),
                List.of(Edge.of("in", "out", "out", "in")));

        TaskException e = assertThrows(TaskException.class, () -> propose(g, DataField.values("point", Shape.of(2)),
                DataField.classId("mode", 8)));
        // It said "the data's samples are a vector of 2 but the input layer 'copy' expects a vector of 2".
        assertEquals("The input layer 'copy' has no data left to read: the data's samples ('point', a vector of 2)"
                + " already feed 'in'. Delete the extra input layer or connect its layers to 'in' instead.", e.getMessage());
    }
    /** A GAN built by hand: noise -> Dense -> ReLU -> Dense 2 and point -> Dense -> LeakyReLU -> Dense 1. */
    private static Graph handBuiltGan() {
        return Graph.of(List.of(node("noise", "noise_input", Map.of("latent", 8)),
                        node("dense_1", "dense", Map.of("units", 16)), node("relu_1", "relu", Map.of()),
                        node("dense_2", "dense", Map.of("units", 2)), node("point", "vector_input", Map.of("features", 2)),
                        node("dense_3", "dense", Map.of("units", 16)), node("leaky_relu_1", "leaky_relu", Map.of()),
                        node("dense_4", "dense", Map.of("units", 1))),
                List.of(Edge.of("noise", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("point", "out", "dense_3", "in"),
                        Edge.of("dense_3", "out", "leaky_relu_1", "in"), Edge.of("leaky_relu_1", "out", "dense_4", "in")));
    }

    private static final DataField[] MOONS = {DataField.values("features", Shape.of(2)), DataField.classId("label", 2)};

    @Test
    void aThirdOutputOnAGansDiscriminatorSaysWhyItIsNoLongerAGanNamingBothOutputs() {
        assertEquals(Task.GAN, propose(handBuiltGan(), MOONS).recipe());
        Graph g = handBuiltGan().withNode(node("dense_5", "dense", Map.of("units", 1)))
                .connect(Edge.of("leaky_relu_1", "out", "dense_5", "in"));
        var e = assertThrows(TaskException.class, () -> propose(g, MOONS));
        assertTrue(e.getMessage().startsWith("Not trained as a GAN: its discriminator (the part from 'point') ends in 2"
                + " output layers, 'dense_4' and 'dense_5', and a GAN's discriminator ends in one, its score. Delete the"
                + " output layer you added or connect it on"), e.getMessage());
        // The plain rules' reading still follows, for a user who did not mean a GAN.
        assertTrue(e.getMessage().contains("As an ordinary network it cannot train either: The data has 2 classes"),
                e.getMessage());
    }

    @Test
    void aThirdOutputOnAGansGeneratorNamesTheGeneratorsOutputs() {
        Graph g = handBuiltGan().withNode(node("dense_5", "dense", Map.of("units", 1)))
                .connect(Edge.of("relu_1", "out", "dense_5", "in"));
        var e = assertThrows(TaskException.class, () -> propose(g, MOONS));
        assertTrue(e.getMessage().startsWith("Not trained as a GAN: its generator (the part from 'noise') ends in 2"
                + " output layers, 'dense_2' and 'dense_5'"), e.getMessage());
    }

    @Test
    void aLayerStandingApartFromAGanIsNamed() {
        Graph g = handBuiltGan().withNode(node("dense_5", "dense", Map.of("units", 1)));
        String why = TaskProposal.notAGan(g, NetworkEnds.of(g)).orElseThrow();
        assertTrue(why.contains("'dense_5'") && why.contains("Connect or delete"), why);
    }

    @Test
    void aNoiseInputInsideOneConnectedNetworkIsNoGanNearMiss() {
        Graph g = Graph.of(List.of(node("noise", "noise_input", Map.of("latent", 2)), node("d", "dense", Map.of("units", 3))),
                List.of(Edge.of("noise", "out", "d", "in")));
        assertEquals(java.util.Optional.empty(), TaskProposal.notAGan(g, NetworkEnds.of(g)));
    }
}
