package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.TrainingRunTest.Recorder;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.NodeSplit;

/** Node classification runs through the same loop as samples: events, stop, NaN check, checkpoints, no leaks. */
class NodeTrainingRunTest {
    private static final Template GCN = TemplateLibrary.find("communities-gcn").orElseThrow();

    /** The template's graph and data, with a batch of 16 training nodes so that an epoch takes several steps. */
    private static TrainingSettings settings(int epochs) {
        return GCN.settings().withEpochs(epochs).withBatchSize(16);
    }

    private static NodeSplit split(TrainingSettings s) {
        return Generators.generateGraph(s.data(), s.seed()).split(s.validationSplit(), s.testSplit(), s.seed());
    }

    @Test
    void eventsCountStepsOverTrainingNodes() {
        TrainingSettings s = settings(3);
        NodeSplit split = split(s);
        int steps = (split.train().length + 15) / 16;
        Recorder r = new Recorder();
        List<Integer> checkpoints = new ArrayList<>();
        RunResult result = new TrainingRun(GCN.graph(), s, split).withRunId(3).addListener(r)
                .addListener(new RunListener() {
                    @Override
                    public void checkpoint(int epoch, byte[] weights) {
                        checkpoints.add(epoch);
                    }
                }).run();
        assertEquals("completed", result.status(), result.message());
        assertEquals(new RunEvent.Started(3, "cpu", 3, steps), r.events.get(0));
        assertEquals(3 * steps, r.of(RunEvent.Step.class).size());
        assertEquals(List.of(1, 2, 3), checkpoints);
        RunEvent.Epoch last = r.of(RunEvent.Epoch.class).get(2);
        assertNotNull(last.valAccuracy());
        RunEvent.Finished finished = assertInstanceOf(RunEvent.Finished.class, r.events.get(r.events.size() - 1));
        assertEquals(result.metrics(), finished.metrics());
        assertNotNull(finished.metrics().testAccuracy());
    }

    @Test
    void stopEndsTheRunAfterTheCurrentStep() {
        TrainingSettings s = settings(50);
        Recorder r = new Recorder();
        TrainingRun run = new TrainingRun(GCN.graph(), s, split(s));
        run.addListener(r).addListener(new RunListener() {
            @Override
            public void step(RunEvent.Step e) {
                if (e.step() == 7) {
                    run.stop();
                }
            }
        });
        RunResult result = run.run();
        assertEquals("stopped", result.status());
        assertEquals(7, r.of(RunEvent.Step.class).size());
        assertNull(result.metrics().testAccuracy(), "a stopped run does not spend time on the test nodes");
    }

    @Test
    void overflowingScoresFailNamingTheStep() {
        TrainingSettings s = settings(2);
        GraphDataset g = Generators.generateGraph(s.data(), s.seed());
        float[] huge = g.features().clone();
        for (int i = 0; i < huge.length; i++) {
            huge[i] *= 1e38f;
        }
        GraphDataset overflowing = new GraphDataset(g.nodes(), huge, g.featureCount(), g.adjacency(), g.labels(),
                g.numClasses());
        RunResult result = new TrainingRun(GCN.graph(), s, overflowing.split(0.2, 0.2, 1)).run();
        assertEquals("failed", result.status());
        assertTrue(result.message().matches("The loss became (NaN|Infinity) at step \\d+ .*"), result.message());
    }

    @Test
    void aGraphOfOtherSizeIsRefusedNamingBothSizes() {
        TrainingSettings s = GCN.settings().withData(DataRecipe.generator("communities", Map.of("nodes", 40)));
        RunResult result = new TrainingRun(GCN.graph(), s, split(s)).run();
        assertEquals("The graph has 40 nodes with 40 features each, but the graph input 'input' expects 100 nodes"
                + " with 100 features each. To fix it, click 'input' and set its Nodes N to 40 and Features F to 40.",
                result.message());
    }

    @Test
    void meanSquaredErrorIsRefusedForNodes() {
        TrainingSettings s = new TrainingSettings(1, 128, 0.01, "adam", "mse", 1, 0.2, 0.2, GCN.settings().data());
        RunResult result = new TrainingRun(GCN.graph(), s, split(s)).run();
        assertEquals("Node classification trains with the cross-entropy loss; these settings ask for mse.",
                result.message());
    }

    @Test
    void openArraysDoNotGrowFromEpochTwoToEpochFive() {
        TrainingSettings s = settings(5);
        Map<Integer, Integer> live = new HashMap<>();
        TrainingRun run = new TrainingRun(GCN.graph(), s, split(s));
        run.addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                live.put(e.epoch(), run.liveArrays());
            }
        });
        assertEquals("completed", run.run().status());
        assertTrue(live.get(2) > 0, live.toString());
        assertEquals(live.get(2), live.get(5), "arrays alive after epoch 2 vs epoch 5: " + live);
    }

    @Test
    void graphAttentionKeepsNoArraysFromStepToStepEither() {
        // GAT derives its attention mask from the run's adjacency once; what each step computes from it must still
        // close with the step.
        Template gat = TemplateLibrary.find("gat-node").orElseThrow();
        TrainingSettings s = gat.settings().withEpochs(4).withBatchSize(40);
        Map<Integer, Integer> live = new HashMap<>();
        TrainingRun run = new TrainingRun(gat.graph(), s,
                Generators.generateGraph(s.data(), s.seed()).split(s.validationSplit(), s.testSplit(), s.seed()));
        run.addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                live.put(e.epoch(), run.liveArrays());
            }
        });
        assertEquals("completed", run.run().status());
        assertEquals(live.get(2), live.get(4), "arrays alive after epoch 2 vs epoch 4: " + live);
    }
}
