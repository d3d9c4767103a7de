package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.command.SetTrainable;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** A frozen layer's weights come out of training bit-identical while the rest of the network learns. */
class FreezingTest {

    @Test
    void aFrozenDenseLayerKeepsItsWeightsExactly() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        String first = t.graph().nodes().values().stream().filter(n -> n.type().equals("dense")).findFirst()
                .orElseThrow().id();
        Graph frozen = SetTrainable.of(t.graph(), first, false).apply(t.graph());
        assertFalse(frozen.require(first).trainable());
        ResumeTest.Saved saved = new ResumeTest.Saved();
        RunResult r = new TrainingRun(frozen, t.settings().withEpochs(3), TrainingRunTest.split(t)).addListener(saved)
                .run();
        assertEquals("completed", r.status(), r.message());
        List<Tensor> after1 = Checkpoints.read(saved.checkpoints.get(0));
        List<Tensor> after3 = Checkpoints.read(saved.checkpoints.get(2));
        for (int i = 0; i < after1.size(); i++) {
            Tensor a = after1.get(i);
            Tensor b = after3.get(i);
            if (a.nodeId().equals(first)) {
                assertArrayEquals(a.values(), b.values(), a.toString());
            } else {
                assertFalse(Arrays.equals(a.values(), b.values()), "trainable " + a + " moved");
            }
        }
        assertTrue(r.epochs().get(2).trainLoss() < r.epochs().get(0).trainLoss(), r.epochs().toString());
        Graph back = SetTrainable.of(frozen, first, true).apply(frozen);
        assertTrue(back.require(first).trainable());
        assertEquals(t.graph().require(first).params(), back.require(first).params());
    }
}
