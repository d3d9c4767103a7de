package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Samples;

/**
 * The forecasting templates, unchanged (24 steps in, 6 out), trained on a real series read from a CSV file
 * (AirPassengers, 144 months, windows relative to their last value): the test MAE, in passengers (thousands), beats naive persistence on the same test
 * windows; seasonal-naive (the value 12 months earlier) is printed beside it.
 */
@Tag("training")
class SeriesFileRecipeTest {
    static final Path AIR = Path.of("..", "..", "shared", "data", "timeseries", "airpassengers.csv");

    @ParameterizedTest
    @CsvSource({"conv1d-forecast,1", "conv1d-forecast,2", "conv1d-forecast,3", "conv1d-forecast,4", "conv1d-forecast,5",
        "lstm-forecast,1", "lstm-forecast,2", "lstm-forecast,3"})
    void forecastOfAirPassengersBeatsPersistence(String template, long seed) throws IOException {
        Template t = TemplateLibrary.find(template).orElseThrow();
        DataRecipe recipe = new DataRecipe("timeseries", Map.of("path", AIR.toString(), "target", "passengers",
                "window", 24, "horizon", 6, "relative", true));
        TrainingSettings settings = t.settings().withSeed(seed).withData(recipe).withEpochs(200);
        settings = DataSources.withPinnedVocabulary(settings, Path.of(""));
        assertNotNull(settings.data().options().get("standardization"));
        Samples.Split split = DataSources.loadSplit(settings, Path.of(""), NetworkEnds.of(t.graph()), n -> { });
        long start = System.nanoTime();
        RunResult result = new TrainingRun(t.graph(), settings, split).run();
        assertEquals("completed", result.status(), result.message());
        double mae = result.metrics().get("test_mae");
        double[] y = passengers();
        int n = y.length;
        int testFrom = n - (int) Math.round(0.2 * n);
        double persistence = 0;
        double seasonal = 0;
        int count = 0;
        for (int s = testFrom; s + 6 <= n; s++) {
            for (int h = 0; h < 6; h++) {
                persistence += Math.abs(y[s + h] - y[s - 1]);
                seasonal += Math.abs(y[s + h] - y[s + h - 12]);
                count++;
            }
        }
        assertEquals(split.test().size() * 6, count);
        persistence /= count;
        seasonal /= count;
        System.out.printf("%s seed %d: test MAE %.1f, persistence %.1f, seasonal-naive %.1f (%d test windows), %.1f s%n",
                template, seed, mae, persistence, seasonal, split.test().size(), (System.nanoTime() - start) / 1e9);
        assertTrue(mae < persistence, template + " seed " + seed + ": test MAE " + mae + " does not beat persistence "
                + persistence);
    }

    static double[] passengers() throws IOException {
        List<String> lines = Files.readAllLines(AIR);
        List<Double> v = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                v.add(Double.parseDouble(line.split(",")[1].trim()));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
