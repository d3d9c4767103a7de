package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunWarning;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** Gradient norms, warnings, speed and the origin of a NaN, as a run reports them. */
class RunHealthTest {

    private static Graph chain(List<Node> nodes) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), "out", nodes.get(i).id(), "in"));
        }
        return Graph.of(nodes, edges);
    }

    /** Two inputs, then {@code layers} dense layers of 16 units each followed by a sigmoid, then 2 outputs. */
    private static Graph sigmoidMlp(int layers) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 2), 0, 0));
        for (int i = 1; i <= layers; i++) {
            nodes.add(new Node("dense_" + i, "dense", Map.of("units", 16), 0, 0));
            nodes.add(new Node("sigmoid_" + i, "sigmoid", Map.of(), 0, 0));
        }
        nodes.add(new Node("out", "dense", Map.of("units", 2), 0, 0));
        return chain(nodes);
    }

    @Test
    @Tag("training")
    void aTwentyLayerSigmoidMlpWarnsOfVanishingGradients() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        TrainingRunTest.Recorder r = new TrainingRunTest.Recorder();
        RunResult result = new TrainingRun(sigmoidMlp(20), t.settings().withEpochs(2), TrainingRunTest.split(t))
                .addListener(r).run();
        assertEquals("completed", result.status(), result.message());
        RunEvent.Epoch first = r.of(RunEvent.Epoch.class).get(0);
        assertEquals(21, first.gradNorms().size(), first.gradNorms().toString());
        List<String> vanishing = first.warnings().stream()
                .filter(w -> w.kind().equals(RunWarning.VANISHING_GRADIENTS)).map(RunWarning::node).toList();
        assertTrue(vanishing.contains("dense_1"), first.warnings().toString());
        assertFalse(vanishing.contains("out"), first.warnings().toString());
        assertTrue(first.gradNorms().get("dense_1") < 1e-4 * first.gradNorms().get("out"), first.gradNorms().toString());
        // The epoch also sums up every layer's outputs on a training batch: a sigmoid's lie in (0, 1).
        ActivationStats deep = first.activations().get("sigmoid_20");
        assertTrue(deep != null && deep.mean() > 0 && deep.mean() < 1 && deep.zeros() == 0, first.activations().toString());
        assertTrue(first.activations().containsKey("dense_1") && first.activations().containsKey("out"),
                first.activations().keySet().toString());
    }

    @Test
    void aHealthyMlpReportsNormsAndSpeedWithoutGradientWarnings() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        TrainingRunTest.Recorder r = new TrainingRunTest.Recorder();
        RunResult result = new TrainingRun(t.graph(), t.settings().withEpochs(2), TrainingRunTest.split(t))
                .addListener(r).run();
        assertEquals("completed", result.status(), result.message());
        for (RunEvent.Epoch e : r.of(RunEvent.Epoch.class)) {
            assertFalse(e.gradNorms().isEmpty());
            e.gradNorms().values().forEach(v -> assertTrue(v > 0 && Double.isFinite(v), e.gradNorms().toString()));
            assertTrue(e.warnings().stream().noneMatch(w -> w.kind().endsWith("_gradients")), e.warnings().toString());
        }
        List<RunEvent.Step> steps = r.of(RunEvent.Step.class);
        assertTrue(Double.isNaN(steps.get(0).stepsPerSecond()), "one step has no speed yet");
        RunEvent.Step later = steps.get(10);
        assertTrue(later.stepsPerSecond() > 0, later.toString());
        assertEquals((38 - later.step()) / later.stepsPerSecond(), later.etaSeconds(), 1e-6);
        assertEquals(0, steps.get(steps.size() - 1).etaSeconds(), 1e-9);
    }

    @Test
    void aLossThatStopsBeingFiniteNamesTheFirstLayerWhoseOutputWasNot() {
        Graph deep = chain(List.of(new Node("input", "vector_input", Map.of("features", 2), 0, 0),
                new Node("d1", "dense", Map.of("units", 64), 0, 0), new Node("d2", "dense", Map.of("units", 64), 0, 0),
                new Node("d3", "dense", Map.of("units", 64), 0, 0), new Node("d4", "dense", Map.of("units", 2), 0, 0)));
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        // Cross-entropy stays finite on huge scores, so the weights grow step by step until a layer overflows.
        TrainingSettings wild = new TrainingSettings(30, 32, 10.0, "sgd", "cross_entropy", 1, 0.2, 0.2,
                t.settings().data());
        TrainingRunTest.Recorder r = new TrainingRunTest.Recorder();
        RunResult result = new TrainingRun(deep, wild, TrainingRunTest.split(t)).addListener(r).run();
        assertEquals("failed", result.status());
        RunEvent.Failed failed = assertInstanceOf(RunEvent.Failed.class, r.events.get(r.events.size() - 1));
        assertTrue(failed.node() != null && Set.of("d1", "d2", "d3", "d4").contains(failed.node()), failed.toString());
        assertTrue(failed.message().contains("the first layer whose output was not finite is " + failed.node()),
                failed.message());
    }

    @Test
    void theProbeFindsTheLayerWhoseWeightsAreNaNAndCountsDeadReluOutputs() {
        Graph g = chain(List.of(new Node("input", "vector_input", Map.of("features", 3), 0, 0),
                new Node("d1", "dense", Map.of("units", 4), 0, 0), new Node("relu", "relu", Map.of(), 0, 0),
                new Node("d2", "dense", Map.of("units", 2), 0, 0)));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            NDList x = new NDList(m.ones(new Shape(5, 3)));
            assertEquals(Optional.empty(), LayerProbe.firstNonFinite(block, m, x));
            // Weights of -1 and no bias on inputs of 1: every ReLU output is zero.
            for (Pair<String, Parameter> p : block.weightedNodes().get("d1").getParameters()) {
                p.getValue().getArray().muli(0).subi(p.getKey().endsWith("weight") ? 1 : 0);
            }
            assertEquals(Map.of("relu", 1.0), LayerProbe.zeroFractions(block, m, x, Set.of("relu")));
            for (Pair<String, Parameter> p : block.weightedNodes().get("d2").getParameters()) {
                p.getValue().getArray().muli(Float.NaN);
            }
            assertEquals(Optional.of("d2"), LayerProbe.firstNonFinite(block, m, x));
            assertFalse(LayerProbe.weightsFinite(block, "d2"));
            assertTrue(LayerProbe.weightsFinite(block, "d1"));
        }
    }

    @Test
    void theProbeSumsUpEachLayersOutputsInTheOrderTheNetworkRuns() {
        Graph g = chain(List.of(new Node("input", "vector_input", Map.of("features", 3), 0, 0),
                new Node("d1", "dense", Map.of("units", 4), 0, 0), new Node("relu", "relu", Map.of(), 0, 0),
                new Node("d2", "dense", Map.of("units", 2), 0, 0)));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(2, 3));
            NDList x = new NDList(m.create(new float[] {1, 1, 1, 2, 2, 2}, new Shape(2, 3)));
            // d1: weight row j is j+1 on input 0 only, bias -3: outputs (j+1)·x0 - 3 are -2,-1,0,1 and -1,1,3,5.
            for (Pair<String, Parameter> p : block.weightedNodes().get("d1").getParameters()) {
                NDArray a = p.getValue().getArray();
                if (p.getKey().endsWith("weight")) {
                    a.set(new float[] {1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0});
                } else {
                    a.muli(0).addi(-3);
                }
            }
            Map<String, ActivationStats> stats = LayerProbe.statistics(block, m, x);
            List<String> order = List.copyOf(stats.keySet());
            assertTrue(order.indexOf("d1") < order.indexOf("relu") && order.indexOf("relu") < order.indexOf("d2"),
                    order.toString());
            double[] d1 = {-2, -1, 0, 1, -1, 1, 3, 5};
            double mean = java.util.Arrays.stream(d1).average().orElseThrow();
            double std = Math.sqrt(java.util.Arrays.stream(d1).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
            assertEquals(mean, stats.get("d1").mean(), 1e-6);
            assertEquals(std, stats.get("d1").std(), 1e-6);
            assertEquals(1 / 8.0, stats.get("d1").zeros(), 1e-12);
            // ReLU: 0,0,0,1 and 0,1,3,5: four zeros of eight, mean 10/8.
            assertEquals(4 / 8.0, stats.get("relu").zeros(), 1e-12);
            assertEquals(10 / 8.0, stats.get("relu").mean(), 1e-6);
            assertEquals(LayerProbe.zeroFractions(block, m, x, Set.of("relu")).get("relu"), stats.get("relu").zeros());
        }
    }
}
