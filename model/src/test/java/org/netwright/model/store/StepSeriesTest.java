package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key's per-step points read as columns hold what the points held, in the order written, one run at a time. */
class StepSeriesTest {
    @TempDir
    Path dir;

    private static List<MetricPoint> points(StepSeries s) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.point(i));
        }
        return out;
    }

    @Test
    void theStoreReadsOneKeyOfOneRunAsColumnsInTheOrderWritten() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("s.nwproj"))) {
            long run = store.startRun("{}", "cpu");
            long other = store.startRun("{}", "cpu");
            List<MetricPoint> written = new ArrayList<>();
            // More than the builder's first 1,024 slots, a NaN (stored as NULL) and another key between the steps.
            for (int s = 1; s <= 3000; s++) {
                written.add(new MetricPoint(s, 1 + (s - 1) / 1000, "train/loss", s == 7 ? Double.NaN : 1.0 / s,
                        s * 0.5));
                if (s % 1000 == 0) {
                    written.add(new MetricPoint(s, s / 1000, "validate/loss", 0.25, s * 0.5));
                }
            }
            store.appendMetrics(run, written);
            store.appendMetrics(other, List.of(new MetricPoint(1, 1, "train/loss", 9.0, 0.1)));

            StepSeries losses = store.steps(run, "train/loss");
            assertEquals(3000, losses.size());
            assertEquals(written.stream().filter(m -> m.key().equals("train/loss")).toList(), points(losses));
            assertTrue(Double.isNaN(losses.value(6)), "a diverged loss reads back as NaN");
            assertEquals(List.of(new MetricPoint(1, 1, "train/loss", 9.0, 0.1)), points(store.steps(other, "train/loss")));
            assertEquals(0, store.steps(run, "lr").size());

            // The window's read: the same steps, epochs and values, without the seconds.
            StepSeries curve = store.curve(run, "train/loss");
            assertEquals(3000, curve.size());
            for (int i = 0; i < curve.size(); i++) {
                assertEquals(losses.step(i), curve.step(i));
                assertEquals(losses.epoch(i), curve.epoch(i));
                assertEquals(losses.value(i), curve.value(i));
                assertTrue(Double.isNaN(curve.seconds(i)));
            }

            List<MetricPoint> rest = store.metrics(run, List.of("train/", "validate/"), "train/loss");
            assertEquals(written.stream().filter(m -> m.key().equals("validate/loss")).toList(), rest,
                    "everything the prefixes take but the key left out");
            assertEquals(written, store.metrics(run, List.of("train/", "validate/"), null));
        }
    }

    @Test
    void aCurveIsReadFromItsPackedBatchesAndFromItsRowsWhenItHasNone() {
        Path file = dir.resolve("packed.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            long run = store.startRun("{}", "cpu");
            long other = store.startRun("{}", "cpu");
            List<MetricPoint> written = new ArrayList<>();
            // Batches as a run's writer sends them: of one point, of many across an epoch's end with the epoch's
            // values among them, one with a NaN, and the other run's between.
            int step = 0;
            for (int size : new int[] {1, 700, 2, 1500, 3}) {
                List<MetricPoint> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    step++;
                    int epoch = 1 + step / 1000;
                    batch.add(new MetricPoint(step, epoch, "train/loss", step == 702 ? Double.NaN : 1.0 / step, step));
                    if (step % 1000 == 0) {
                        batch.add(new MetricPoint(step, epoch, "validate/loss", 0.25, step));
                    }
                }
                store.appendMetrics(run, batch);
                store.appendMetrics(other, List.of(new MetricPoint(step, 1, "train/loss", 9.0, 0.1)));
                written.addAll(batch);
            }
            assertEquals(List.of("5", "5"), Projects.query(file,
                    "SELECT COUNT(*) FROM step_blocks WHERE run_id = " + run + " UNION ALL SELECT COUNT(*) FROM"
                            + " step_blocks WHERE run_id = " + other));
            StepSeries rows = store.steps(run, "train/loss");
            assertEquals(written.stream().filter(m -> m.key().equals("train/loss")).toList(), points(rows));
            assertSameCurve(rows, store.curve(run, "train/loss"));
            assertEquals(5, store.curve(other, "train/loss").size());

            // Read from the batches, not the rows: a row changed behind the store's back does not show.
            Projects.execute(file, "UPDATE metrics SET value = 99 WHERE run_id = " + run + " AND step = 5");
            assertEquals(1.0 / 5, store.curve(run, "train/loss").value(4));
            Projects.execute(file, "UPDATE metrics SET value = 0.2 WHERE run_id = " + run + " AND step = 5");

            // A damaged batch: the rows are read instead, whole.
            Projects.execute(file, "UPDATE step_blocks SET data = x'01' WHERE rowid = (SELECT MAX(rowid) FROM"
                    + " step_blocks WHERE run_id = " + run + ")");
            assertSameCurve(rows, store.curve(run, "train/loss"));

            // A run written before the batches were kept (schema 3) has its rows read.
            Projects.execute(file, "DELETE FROM step_blocks WHERE run_id = " + run);
            assertSameCurve(rows, store.curve(run, "train/loss"));
        }
    }

    @Test
    void theRestOfARunIsFoundThroughTheIndexOfItsOtherRowsNotByVisitingEveryLoss() {
        Path file = dir.resolve("plan.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            long run = store.startRun("{}", "cpu");
            store.appendMetrics(run, List.of(new MetricPoint(1, 1, "train/loss", 0.5, 1),
                    new MetricPoint(1, 1, "validate/loss", 0.4, 1), new MetricPoint(1, 1, "grad_norm/dense_1", 2, 1)));
            assertEquals(List.of(new MetricPoint(1, 1, "validate/loss", 0.4, 1)),
                    store.metrics(run, List.of("validate/"), "train/loss"));
            assertEquals(List.of(new MetricPoint(1, 1, "train/loss", 0.5, 1)),
                    store.metrics(run, List.of("train/"), "grad_norm/dense_1"), "another key left out is bound");
        }
        // What SQLite plans for the window's read of the rest: the rows SQLite would bind are filled in as literals.
        String sql = ProjectStore.metricsSql(2, "train/loss").replaceFirst("\\?", "1")
                .replaceAll("substr\\(key, 1, \\?\\) = \\?", "substr(key, 1, 6) = 'train/'");
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet r = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (r.next()) {
                plan.append(r.getString(4)).append('\n');
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(plan.toString().contains("USING INDEX metrics_per_epoch"), sql + "\n" + plan);
    }

    private static void assertSameCurve(StepSeries rows, StepSeries curve) {
        assertEquals(rows.size(), curve.size());
        for (int i = 0; i < curve.size(); i++) {
            assertEquals(rows.step(i), curve.step(i));
            assertEquals(rows.epoch(i), curve.epoch(i));
            assertEquals(rows.value(i), curve.value(i));
            assertTrue(Double.isNaN(curve.seconds(i)));
        }
    }

    @Test
    void aSeriesIsCutByEpochLoweredAndJoinedWithoutChangingTheOriginal() {
        List<MetricPoint> list = List.of(new MetricPoint(1, 1, "train/loss", 0.9, 1), new MetricPoint(1, 1, "lr", 0.1, 1),
                new MetricPoint(2, 1, "train/loss", 0.8, 2), new MetricPoint(3, 2, "train/loss", 0.7, 3));
        StepSeries s = StepSeries.of("train/loss", list);
        assertEquals(3, s.size());
        assertEquals(List.of(list.get(0), list.get(2)), points(s.whereEpoch(e -> e < 2)));
        StepSeries lowered = s.stepsLowered(1);
        assertEquals(List.of(0L, 1L, 2L), List.of(lowered.step(0), lowered.step(1), lowered.step(2)));
        assertEquals(1, s.step(0), "the original keeps its steps");
        StepSeries joined = s.whereEpoch(e -> e == 2).then(s);
        assertEquals(List.of(list.get(3), list.get(0), list.get(2), list.get(3)), points(joined));
        assertEquals(s, s.then(StepSeries.empty("train/loss")));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(3));
    }
}
