package org.netwright.runner.recipe;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.TextData;
import org.netwright.runner.generate.TextSampler;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Samples;
import org.netwright.templates.data.TextVocabulary;

/**
 * gpt-mini, its token input, embedding and output sized for the characters of Pride and Prejudice, learns the
 * novel's text: on the held-out validation stretch its per-character cross-entropy beats an add-one bigram model
 * counted on the training stretch, and the text it writes is mostly words of the novel.
 */
@Tag("training")
public class CharTextRecipeTest {
    private static final int LENGTH = 64;
    private static final long SEED = 1;

    @Test
    void gptMiniLearnsPrideAndPrejudice() throws IOException {
        Path file = text();
        Template gpt = TemplateLibrary.find("gpt-mini").orElseThrow();
        TrainingSettings settings = gpt.settings().withSeed(SEED).withSplit(0.1, 0.1).withEpochs(EPOCHS)
                .withBatchSize(32).withLearningRate(0.002)
                .withData(new org.netwright.model.settings.DataRecipe(TextData.KIND,
                        java.util.Map.of("path", file.toString(), "length", LENGTH)));
        settings = DataSources.withPinnedVocabulary(settings, null);
        TextVocabulary vocabulary = TextData.pinnedVocabulary(settings.data());
        Samples data = DataSources.loadSamples(settings, null);
        Samples.Split split = data.split(settings.validationSplit(), settings.testSplit(), SEED);
        Graph graph = sized(gpt.graph(), vocabulary.size());

        TrainingRun run = new TrainingRun(graph, settings, split);
        AtomicReference<byte[]> weights = new AtomicReference<>();
        run.addListener(new RunListener() {
            @Override
            public void checkpoint(int epoch, byte[] w) {
                weights.set(w);
            }
        });
        long start = System.nanoTime();
        RunResult result = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("completed", result.status(), result.message());
        RunEvent.Epoch last = result.epochs().get(result.epochs().size() - 1);
        double bigram = bigramLoss(split.train(), split.validation(), vocabulary.size());
        System.out.printf("gpt-mini on text: %d characters in the vocabulary, %d/%d/%d windows, val loss %.3f"
                        + " (bigram %.3f), val token accuracy %.3f, %.1f s%n", vocabulary.size(), split.train().size(),
                split.validation().size(), split.test().size(), last.valLoss(), bigram,
                last.metrics().get("val_token_accuracy"), seconds);
        assertNotNull(last.valLoss());
        assertTrue(last.valLoss() < bigram, "validation loss " + last.valLoss() + " vs bigram " + bigram);

        Set<String> known = words(Files.readString(file, StandardCharsets.UTF_8)
                .substring(0, split.train().size() * (LENGTH + 1)));
        String prompt = "\"My dear";
        try (TextSampler sampler = TextSampler.open(graph, weights.get(), vocabulary)) {
            for (double temperature : new double[] {0, 0.7}) {
                String written = sampler.generate(prompt, 400, temperature, 0, SEED);
                List<String> said = wordList(written);
                long real = said.stream().filter(known::contains).count();
                double ratio = real / (double) said.size();
                System.out.printf("temperature %.1f: %d of %d words real (%.2f): %s%n", temperature, real, said.size(),
                        ratio, written.replace('\n', ' '));
                assertTrue(said.size() >= 20, "too few words: " + written);
                assertTrue(ratio >= 0.5, "temperature " + temperature + ": " + ratio + " real words in: " + written);
            }
        }
    }

    private static final int EPOCHS = 20;

    /** gpt-mini with windows of {@link #LENGTH} characters and {@code vocabulary} ids in and out. */
    public static Graph sized(Graph graph, int vocabulary) {
        Graph g = graph.withNode(graph.require("tokens").withParam("length", LENGTH).withParam("vocabulary", vocabulary));
        g = g.withNode(g.require("embedding_1").withParam("vocabulary", vocabulary));
        return g.withNode(g.require("dense_1").withParam("units", vocabulary));
    }

    /**
     * Mean per-character cross-entropy (nats) on {@code heldOut}'s (token, next token) pairs of a bigram model with
     * add-one smoothing counted on {@code train}'s pairs: P(b | a) = (n(a, b) + 1) / (n(a) + V).
     */
    static double bigramLoss(Samples train, Samples heldOut, int v) {
        double[][] counts = new double[v][v];
        double[] totals = new double[v];
        float[] a = train.require("tokens").values();
        float[] b = train.require("next_tokens").values();
        for (int i = 0; i < a.length; i++) {
            counts[(int) a[i]][(int) b[i]]++;
            totals[(int) a[i]]++;
        }
        float[] x = heldOut.require("tokens").values();
        float[] y = heldOut.require("next_tokens").values();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum -= Math.log((counts[(int) x[i]][(int) y[i]] + 1) / (totals[(int) x[i]] + v));
        }
        return sum / x.length;
    }

    /** Whitespace-separated words, lower case, stripped of punctuation at either end; two letters or more. */
    static List<String> wordList(String text) {
        return java.util.Arrays.stream(text.split("\\s+"))
                .map(w -> w.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", ""))
                .filter(w -> w.length() >= 2).toList();
    }

    static Set<String> words(String text) {
        return new HashSet<>(wordList(text));
    }

    /** The shared Pride and Prejudice text: system property netwright.data, else ../../shared/data. */
    static Path text() {
        String configured = System.getProperty("netwright.data");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        return base.resolve("text").resolve("pride_and_prejudice_start.txt").toAbsolutePath();
    }
}
