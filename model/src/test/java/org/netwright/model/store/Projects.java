package org.netwright.model.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.SampleGraphs;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** Test helpers: a realistic project file and raw SQL on a file, bypassing ProjectStore. */
final class Projects {
    private Projects() {
    }

    static TrainingSettings settings() {
        return new TrainingSettings(10, 64, 0.001, "adam", "cross_entropy", 7L, 0.1, 0.1,
                DataRecipe.generator("shapes", java.util.Map.of("n", 600, "size", 32)));
    }

    /** A closed project of many pages: a graph, settings, a run with metrics and a 64 KiB checkpoint. */
    static Path realProject(Path folder, String name) {
        Path file = folder.resolve(name);
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(SampleGraphs.lenet(), "Load LeNet");
            store.saveSettings(settings());
            long run = store.startRun(SettingsJson.write(settings()), "cpu");
            List<MetricPoint> points = new ArrayList<>();
            for (int step = 1; step <= 300; step++) {
                points.add(new MetricPoint(step, step / 100, "train/loss", 2.3 / step, step * 0.01));
            }
            store.appendMetrics(run, points);
            byte[] weights = new byte[64 * 1024];
            new java.util.Random(1).nextBytes(weights);
            store.saveCheckpoint(run, 1, weights);
            store.finishRun(run, "completed", "{\"test_accuracy\":0.9}");
        }
        return file;
    }

    /** Runs statements on the file with a plain read-write connection. */
    static void execute(Path file, String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    static List<String> query(Path file, String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
