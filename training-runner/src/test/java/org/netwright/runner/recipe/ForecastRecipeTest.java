package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.task.Task;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/**
 * The forecasting templates, in their defaults, beat naive persistence (every future value = the last observed
 * one) in mean absolute error on the test part, which is the latest 20 % of the series in time.
 */
@Tag("training")
class ForecastRecipeTest {

    @ParameterizedTest
    @CsvSource({"lstm-forecast,1", "lstm-forecast,2", "lstm-forecast,3", "lstm-forecast,4", "lstm-forecast,5",
        "conv1d-forecast,1", "conv1d-forecast,2", "conv1d-forecast,3", "conv1d-forecast,4", "conv1d-forecast,5"})
    void forecastBeatsPersistenceOnTheLatestStretch(String template, long seed) {
        Template t = TemplateLibrary.find(template).orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        assertTrue(data.ordered());
        Samples.Split split = data.split(settings.validationSplit(), settings.testSplit(), seed);
        assertEquals(Math.round(settings.testSplit() * data.size()), split.test().size());
        TrainingRun run = new TrainingRun(t.graph(), settings, split);
        assertEquals(Task.PLAIN, run.task().recipe());
        assertEquals("window", run.task().inputs().get(0).field());
        assertEquals("target", run.task().objectives().get(0).target());
        long start = System.nanoTime();
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        Double mae = result.metrics().get("test_mae");
        assertNotNull(mae, result.metrics().toString());
        double persistence = persistenceMae(split.test());
        System.out.printf("%s seed %d: test MAE %.4f, persistence MAE %.4f, %.1f s%n", template, seed, mae,
                persistence, (System.nanoTime() - start) / 1e9);
        assertTrue(mae < persistence, template + " seed " + seed + ": test MAE " + mae + " does not beat persistence "
                + persistence + "; " + result.metrics());
    }

    /** The MAE of forecasting every value of a window's horizon as the window's last value. */
    static double persistenceMae(Samples part) {
        float[] w = part.require("window").values();
        float[] y = part.require("target").values();
        int steps = (int) part.require("window").field().shape().size();
        int horizon = (int) part.require("target").field().shape().size();
        double sum = 0;
        for (int i = 0; i < part.size(); i++) {
            float last = w[i * steps + steps - 1];
            for (int k = 0; k < horizon; k++) {
                sum += Math.abs(y[i * horizon + k] - last);
            }
        }
        return sum / ((double) part.size() * horizon);
    }
}
