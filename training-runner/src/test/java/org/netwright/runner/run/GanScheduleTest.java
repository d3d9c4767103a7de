package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.checkpoint.RunState;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;

/**
 * A GAN's discriminator trains on the run's schedule as its generator does: reduce-on-plateau, which listens to how
 * each epoch went, lowers both rates (the discriminator's once stayed at the starting rate).
 */
class GanScheduleTest {

    /** The schedule's state, which an optimizer state ends with: a plateau schedule's current rate, best, bad epochs. */
    private static double[] plateauState(byte[] optimizerState) {
        ByteBuffer tail = ByteBuffer.wrap(optimizerState, optimizerState.length - 3 * Double.BYTES, 3 * Double.BYTES);
        return new double[] {tail.getDouble(), tail.getDouble(), tail.getDouble()};
    }

    @Test
    void reduceOnPlateauLowersTheDiscriminatorsRateWithTheGenerators() {
        Template t = TemplateLibrary.find("gan-2d").orElseThrow();
        // A threshold of 0.99 means no epoch after the first counts as better: the rate halves at epochs 2 and 3.
        TrainingSettings s = t.settings().withEpochs(3).withOptions(
                t.settings().options().withSchedule("plateau:patience=0,factor=0.5,threshold=0.99"));
        ResumeTest.Saved saved = new ResumeTest.Saved();
        RunResult result = new TrainingRun(t.graph(), s, Generators.generateSamples(s.data(), s.seed())
                .split(s.validationSplit(), s.testSplit(), s.seed())).addListener(saved).run();
        assertEquals("completed", result.status(), result.message());

        Map<String, byte[]> parts = RunState.read(saved.checkpoints.get(saved.checkpoints.size() - 1)).parts();
        double[] generator = plateauState(parts.get("optimizer"));
        double[] discriminator = plateauState(parts.get(GanTask.DISCRIMINATOR_OPTIMIZER));
        assertEquals(s.learningRate() / 4, generator[0], 1e-12, "the generator's rate after two epochs without gain");
        assertArrayEquals(generator, discriminator, 0.0, "the discriminator's schedule state");
    }
}
