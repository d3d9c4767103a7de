package org.netwright.app.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;

class RunsViewModelTest {
    @TempDir
    Path dir;
    private ProjectStore store;

    static TrainingSettings settings(int epochs, double lr) {
        return new TrainingSettings(epochs, 32, lr, "adam", "auto", 1, 0.2, 0.2,
                DataRecipe.generator("two_moons", Map.of()));
    }

    /** Two finished runs with validation losses, and one that has training losses only. */
    static ProjectStore project(Path file) {
        ProjectStore store = ProjectStore.create(file);
        long a = store.startRun(SettingsJson.write(settings(2, 0.01)), "cpu");
        store.appendMetrics(a, List.of(new MetricPoint(10, 1, "train/loss", 0.9, 1),
                new MetricPoint(10, 1, "validate/loss", 0.5, 1), new MetricPoint(20, 2, "validate/loss", 0.3, 2)));
        store.finishRun(a, "completed", "{\"test_loss\":0.31,\"test_accuracy\":0.925,\"epochs\":2}");
        long b = store.startRun(SettingsJson.write(settings(3, 0.001)), "cpu");
        store.appendMetrics(b, List.of(new MetricPoint(10, 1, "validate/loss", 0.6, 1)));
        store.finishRun(b, "stopped", "{\"val_loss\":0.6}");
        long c = store.startRun(SettingsJson.write(settings(2, 0.01)), "cpu");
        List<MetricPoint> steps = new ArrayList<>();
        steps.add(new MetricPoint(1, 1, "train/loss", 1.0, 0.1));
        steps.add(new MetricPoint(2, 1, "train/loss", 0.5, 0.2));
        store.appendMetrics(c, steps);
        store.finishRun(c, "failed", null);
        return store;
    }

    @BeforeEach
    void open() {
        store = project(dir.resolve("p.nwproj"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyRunIsListedNewestFirstWithItsStatusAndResult() {
        RunsViewModel m = new RunsViewModel(store, Runnable::run, Runnable::run);
        assertEquals(List.of(3L, 2L, 1L), m.rows().stream().map(RunRow::id).toList());
        assertEquals(List.of("failed", "stopped", "completed"), m.rows().stream().map(RunRow::status).toList());
        RunRow first = m.rows().get(2);
        assertEquals("test_loss 0.3100, test_accuracy 0.9250", first.result());
        assertEquals("2 epochs, batch 32, lr 0.01, adam", first.settings());
        assertEquals("val_loss 0.6000", m.rows().get(1).result());
    }

    @Test
    void chosenRunsGiveOneCurveEachAndTwoRunsTheirDifferingSettings() {
        RunsViewModel m = new RunsViewModel(store, Runnable::run, Runnable::run);
        m.choose(List.of(2L, 1L)).join();
        assertEquals(2, m.curves().size());
        RunsViewModel.Curve one = m.curves().get(1);
        assertEquals("run 1 validation loss", one.label());
        assertArrayEquals(new double[] {1, 0.5}, one.points().get(0));
        assertArrayEquals(new double[] {2, 0.3}, one.points().get(1));
        String diff = m.differencesProperty().get();
        assertTrue(diff.startsWith("From run 1 to run 2:"), diff);
        assertTrue(diff.contains("epochs: 2 → 3"), diff);
        assertTrue(diff.contains("learning_rate: 0.01 → 0.001"), diff);
        assertEquals(3, diff.lines().count(), diff);
    }

    @Test
    void aRunWithoutValidationIsDrawnByItsMeanTrainingLossAndSameSettingsAreSaid() {
        RunsViewModel m = new RunsViewModel(store, Runnable::run, Runnable::run);
        m.choose(List.of(3L, 1L)).join();
        RunsViewModel.Curve c = m.curves().get(0);
        assertEquals("run 3 training loss", c.label());
        assertArrayEquals(new double[] {1, 0.75}, c.points().get(0));
        assertEquals("Runs 1 and 3 used the same settings.", m.differencesProperty().get());
        m.choose(List.of(1L)).join();
        assertEquals("Choose exactly two runs to see which settings differ.", m.differencesProperty().get());
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("5 s", RunRow.duration("2026-11-29T21:00:00Z", "2026-11-29T21:00:05Z"));
        assertEquals("2 min 05 s", RunRow.duration("2026-11-29T21:00:00Z", "2026-11-29T21:02:05Z"));
        assertEquals("", RunRow.duration("2026-11-29T21:00:00Z", null));
    }
}
