package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.task.Task;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/** The regression template, in its defaults, fits its smooth function: R² on held-out points of at least 0.9. */
@Tag("training")
class RegressionRecipeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void regressionMlpReachesR2OnHeldOutPoints(long seed) {
        Template t = TemplateLibrary.find("regression-mlp").orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings,
                data.split(settings.validationSplit(), settings.testSplit(), seed));
        assertEquals(Task.PLAIN, run.task().recipe());
        assertEquals("mse", run.task().objectives().get(0).loss());
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        Double r2 = result.metrics().get("test_r2");
        assertNotNull(r2, result.metrics().toString());
        assertTrue(r2 >= 0.9, "seed " + seed + ": " + result.metrics());
        assertNotNull(result.metrics().get("test_mae"));
        assertNotNull(result.epochs().get(0).metrics().get("val_rmse"));
    }
}
