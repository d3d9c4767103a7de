package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.GraphDataset;

/** The first templates, in their defaults, reach their test accuracy for every seed from 1 to 5. */
@Tag("training")
class ClassificationRecipeTest {

    @ParameterizedTest(name = "{0} seed {1} >= {2}")
    @CsvSource({
        "two-moons-mlp, 1, 0.95", "two-moons-mlp, 2, 0.95", "two-moons-mlp, 3, 0.95", "two-moons-mlp, 4, 0.95",
        "two-moons-mlp, 5, 0.95",
        "shapes-cnn, 1, 0.95", "shapes-cnn, 2, 0.95", "shapes-cnn, 3, 0.95", "shapes-cnn, 4, 0.95", "shapes-cnn, 5, 0.95",
        "lenet5, 1, 0.9", "lenet5, 2, 0.9", "lenet5, 3, 0.9", "lenet5, 4, 0.9", "lenet5, 5, 0.9",
        "communities-gcn, 1, 0.9", "communities-gcn, 2, 0.9", "communities-gcn, 3, 0.9", "communities-gcn, 4, 0.9",
        "communities-gcn, 5, 0.9"})
    void reachesItsMark(String id, long seed, double mark) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        TrainingSettings s = t.settings().withSeed(seed);
        RunResult r;
        if (Generators.makesGraph(s.data())) {
            GraphDataset g = Generators.generateGraph(s.data(), seed);
            r = new TrainingRun(t.graph(), s, g.split(s.validationSplit(), s.testSplit(), seed)).run();
        } else {
            r = new TrainingRun(t.graph(), s, Generators.generateSamples(s.data(), seed)
                    .split(s.validationSplit(), s.testSplit(), seed)).run();
        }
        assertEquals("completed", r.status(), r.message());
        assertTrue(r.metrics().testAccuracy() >= mark, id + " seed " + seed + ": " + r.metrics());
    }
}
