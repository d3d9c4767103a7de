package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * Activation statistics kept with a run: written as metric points, stored in a project file, read back per epoch and
 * layer as they were sent; a file made before they were kept reads as a run without them.
 */
class ActivationRecordsTest {
    @TempDir
    Path dir;

    @Test
    void statisticsGoThroughTheProjectFileAndComeBackAsSent() {
        Map<String, ActivationStats> first = new LinkedHashMap<>();
        first.put("dense_1", new ActivationStats(0.25, 1.5, 0.0));
        first.put("relu_1", new ActivationStats(0.5, 0.75, 0.4375));
        first.put("block/tanh", new ActivationStats(-0.125, 0.0, Double.NaN));
        Map<String, ActivationStats> second = new LinkedHashMap<>();
        second.put("dense_1", new ActivationStats(0.3, 1.25, 0.0));
        second.put("relu_1", new ActivationStats(0.0, 0.0, 1.0));
        second.put("block/tanh", new ActivationStats(-0.1, 0.01, 0.0));
        Path file = dir.resolve("p" + ProjectStore.EXTENSION);
        ProjectStore.create(file).close();
        long run;
        try (ProjectStore store = ProjectStore.open(file)) {
            run = store.startRun("{}", "cpu");
            List<MetricPoint> points = new ArrayList<>();
            points.add(new MetricPoint(10, 1, "grad_norm/dense_1", 0.5, 1));
            points.addAll(ActivationRecords.points(10, 1, 1.0, first));
            points.addAll(ActivationRecords.points(20, 2, 2.0, second));
            points.add(new MetricPoint(20, 2, "train/loss", 0.1, 2));
            store.appendMetrics(run, points);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            SortedMap<Integer, Map<String, ActivationStats>> all = ActivationRecords.byEpoch(store.metrics(run));
            assertEquals(List.of(1, 2), List.copyOf(all.keySet()));
            assertEquals(first, all.get(1), "NaN (not measured) survives the file as NaN");
            assertEquals(second, all.get(2));
            assertEquals(List.copyOf(first.keySet()), List.copyOf(all.get(1).keySet()), "the layers keep their order");
            // Asking the store for the activation keys only gives the same.
            assertEquals(all, ActivationRecords.byEpoch(store.metrics(run, ActivationRecords.KEY_PREFIXES)));
        }
    }

    @Test
    void aMeasureMissingForALayerReadsNaN() {
        SortedMap<Integer, Map<String, ActivationStats>> all = ActivationRecords.byEpoch(List.of(
                new MetricPoint(1, 3, ActivationRecords.MEAN + "x", 2.0, 0),
                new MetricPoint(1, 3, "dead_relu/x", 0.5, 0)));
        ActivationStats x = all.get(3).get("x");
        assertEquals(2.0, x.mean());
        assertTrue(Double.isNaN(x.std()) && Double.isNaN(x.zeros()));
        assertTrue(ActivationRecords.isActivationKey(ActivationRecords.ZEROS + "x"));
        assertTrue(!ActivationRecords.isActivationKey("dead_relu/x"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aRunStoredBeforeTheStatisticsWereKeptHasNone(int version) throws IOException {
        Path file = dir.resolve("schema-" + version + ProjectStore.EXTENSION);
        try (InputStream in = ActivationRecordsTest.class.getResourceAsStream(
                "/org/netwright/model/store/fixtures/schema-" + version + ".nwproj")) {
            Files.copy(in, file);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            RunRecord run = store.runs().get(0);
            assertTrue(!store.metrics(run.id()).isEmpty(), "the run has its other metrics");
            assertTrue(ActivationRecords.byEpoch(store.metrics(run.id())).isEmpty());
            assertTrue(store.metrics(run.id(), ActivationRecords.KEY_PREFIXES).isEmpty());
        }
    }
}
