package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;
import org.netwright.templates.TemplateLibrary;

/**
 * A generative run (GAN noise drawn by the task, VAE noise drawn inside the network) stopped after epoch 1 of 3 and
 * resumed from its checkpoint gives, bit for bit, the loss parts of epochs 2 and 3 of an uninterrupted run.
 * Three short runs each, about 1.5 s per template.
 */
class GenerativeResumeTest {

    /** Each epoch's train loss and loss parts (d_loss and g_loss; recon_loss and kl), in a fixed order. */
    private static double[][] losses(List<RunEvent.Epoch> epochs, List<String> parts) {
        return epochs.stream().map(e -> {
            double[] v = new double[parts.size() + 1];
            v[0] = e.trainLoss();
            for (int i = 0; i < parts.size(); i++) {
                v[i + 1] = e.metrics().get(parts.get(i));
            }
            return v;
        }).toArray(double[][]::new);
    }

    private static Samples.Split split(Template t) {
        TrainingSettings s = t.settings();
        return Generators.generateSamples(s.data(), s.seed()).split(s.validationSplit(), s.testSplit(), s.seed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gan-2d", "cgan", "vae"})
    void resumingAfterEpochOneRepeatsTheUninterruptedLosses(String id) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        List<String> parts = id.equals("vae") ? List.of("recon_loss", "kl") : List.of("d_loss", "g_loss");
        TrainingSettings three = t.settings().withEpochs(3);
        RunResult whole = new TrainingRun(t.graph(), three, split(t)).run();
        assertEquals("completed", whole.status(), whole.message());

        ResumeTest.Saved saved = new ResumeTest.Saved();
        TrainingRun stopping = new TrainingRun(t.graph(), three, split(t));
        stopping.addListener(saved).addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                if (e.epoch() == 1) {
                    stopping.stop();
                }
            }
        });
        assertEquals("stopped", stopping.run().status());
        RunResult rest = new TrainingRun(t.graph(), three, split(t))
                .resumingFrom(saved.checkpoints.get(0)).run();
        assertEquals("completed", rest.status(), rest.message());
        assertEquals(2, rest.epochs().get(0).epoch());

        double[][] all = losses(whole.epochs(), parts);
        double[][] resumed = losses(rest.epochs(), parts);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(all[i + 1], resumed[i], 0.0, id + " epoch " + (i + 2) + " (loss, " + parts + ")");
        }
        assertEquals(whole.metrics().testLoss(), rest.metrics().testLoss(), 0.0, id + " test loss");
    }

    /**
     * A stop inside epoch 2 saves the GAN's noise stream as of the last step taken, not as the prefetch thread left
     * it after drawing the next step's noise ahead: the same with prefetching on as off.
     */
    @org.junit.jupiter.api.Test
    void aStopInsideAnEpochSavesTheNoiseStreamOfTheLastStepTaken() {
        Template t = TemplateLibrary.find("gan-2d").orElseThrow();
        byte[] on = partialStreams(t, true);
        byte[] off = partialStreams(t, false);
        org.junit.jupiter.api.Assertions.assertTrue(off.length > 0, "the GAN saves its noise stream");
        assertArrayEquals(off, on);
    }

    private static byte[] partialStreams(Template t, boolean prefetch) {
        TrainingSettings s = TrainingRun.withPrefetch(t.settings().withEpochs(3), prefetch);
        ResumeTest.Saved saved = new ResumeTest.Saved();
        TrainingRun run = new TrainingRun(t.graph(), s, split(t));
        long[] stopAt = {-1};
        run.addListener(saved).addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                if (e.epoch() == 1) {
                    stopAt[0] = 0;
                }
            }

            @Override
            public void step(RunEvent.Step e) {
                // The third step of epoch 2 (gan-2d has more than three steps an epoch).
                if (stopAt[0] == 0) {
                    stopAt[0] = e.step() + 2;
                }
                if (e.step() == stopAt[0]) {
                    run.stop();
                }
            }
        });
        assertEquals("stopped", run.run().status());
        org.netwright.runner.checkpoint.RunState partial = org.netwright.runner.checkpoint.RunState.read(
                saved.checkpoints.get(saved.checkpoints.size() - 1));
        assertEquals(2, partial.epoch());
        org.junit.jupiter.api.Assertions.assertTrue(partial.parts().containsKey("partial"));
        return partial.parts().get("streams");
    }
}
