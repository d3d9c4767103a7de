package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/**
 * The sequence templates, in their defaults, learn their tasks for seeds 1 to 5: the recurrent classifiers
 * remember a marker across 50 steps, the Transformer reverses sequences and the mini GPT continues counting patterns.
 */
@Tag("training")
class SequenceRecipeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void lstmClassifierRemembersTheMarker(long seed) {
        assertMark("lstm-classifier", seed, "test_accuracy", 0.95);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gruClassifierRemembersTheMarker(long seed) {
        assertMark("gru-classifier", seed, "test_accuracy", 0.95);
    }

    /** Token accuracy is teacher-forced: every decoder position sees the true answer up to the step before. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void transformerSeq2seqReversesSequences(long seed) {
        RunResult r = assertMark("transformer-seq2seq", seed, "test_token_accuracy", 0.95);
        assertNotNull(r.metrics().get("test_perplexity"));
        assertNotNull(r.epochs().get(0).metrics().get("val_token_accuracy"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gptMiniPredictsTheNextToken(long seed) {
        RunResult r = assertMark("gpt-mini", seed, "test_token_accuracy", 0.9);
        assertNotNull(r.epochs().get(0).metrics().get("val_perplexity"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void transformerClassifierComparesTokenCounts(long seed) {
        assertMark("transformer-classifier", seed, "test_accuracy", 0.9);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void vitMiniTellsShapesApart(long seed) {
        assertMark("vit-mini", seed, "test_accuracy", 0.9);
    }

    static RunResult assertMark(String templateId, long seed, String metric, double mark) {
        Template t = TemplateLibrary.find(templateId).orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings,
                data.split(settings.validationSplit(), settings.testSplit(), seed));
        long start = System.nanoTime();
        RunResult result = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("completed", result.status(), result.message());
        Double value = result.metrics().get(metric);
        System.out.printf("%s seed %d: %s = %s in %.1f s%n", templateId, seed, metric, value, seconds);
        assertNotNull(value, result.metrics().toString());
        assertTrue(value >= mark, templateId + " seed " + seed + ": " + result.metrics());
        return result;
    }
}
