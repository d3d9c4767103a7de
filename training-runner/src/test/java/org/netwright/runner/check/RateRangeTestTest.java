package org.netwright.runner.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/** The range test on two moons: the rate it suggests trains the template to its mark. */
@Tag("training")
class RateRangeTestTest {

    @Test
    void theSuggestedRateTrainsTwoMoonsToItsMark() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        TrainingSettings s = t.settings().withSeed(1);
        Samples.Split split = Generators.generateSamples(s.data(), 1).split(s.validationSplit(), s.testSplit(), 1);
        RateRangeTest.Result r = RateRangeTest.run(t.graph(), s, new CheckData.SampleData(split), 1e-6, 10, 100,
                p -> { });
        double[] rates = r.curve().rates();
        // The rate grows by one factor each step from the first rate.
        assertEquals(1e-6, rates[0], 1e-15);
        assertEquals(rates[2] / rates[1], rates[11] / rates[10], 1e-6);
        // Up to 10 the loss of Adam on this net explodes, so the test stops before its last step.
        assertTrue(r.diverged() && rates.length < 100, "stopped at " + rates.length + " steps: " + r.sentence());
        double suggested = r.suggested().orElseThrow();
        assertTrue(suggested > 1e-3 && suggested < 0.2, r.sentence());
        assertTrue(r.sentence().startsWith("Suggested learning rate"), r.sentence());

        RunResult trained = new TrainingRun(t.graph(), s.withLearningRate(suggested), split).run();
        assertEquals("completed", trained.status(), trained.message());
        assertTrue(trained.metrics().testAccuracy() >= 0.95, "at " + suggested + ": " + trained.metrics());
    }
}
