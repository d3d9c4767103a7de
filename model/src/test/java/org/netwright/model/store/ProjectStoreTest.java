package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

class ProjectStoreTest {
    @TempDir
    Path dir;

    @Test
    void aNewProjectHasAnEmptyGraphNoSettingsNoRunsAndIsNamedAfterItsFile() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("moons.nwproj"))) {
            assertEquals(Graph.empty(), store.loadGraph());
            assertEquals(Optional.empty(), store.loadSettings());
            assertEquals(List.of(), store.runs());
            assertEquals("moons", store.projectName());
            assertEquals(dir.resolve("moons.nwproj").toAbsolutePath(), store.file());
        }
    }

    @Test
    void graphSettingsAndNameSurviveCloseAndReopen() {
        Path file = dir.resolve("p.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(SampleGraphs.mlp(), "Load MLP");
            store.saveGraph(SampleGraphs.lenet(), "Load LeNet");
            store.saveSettings(Projects.settings().withEpochs(3));
            store.saveSettings(Projects.settings());
            store.setProjectName("Shapes, take 2");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(SampleGraphs.lenet(), store.loadGraph());
            assertEquals(Optional.of(Projects.settings()), store.loadSettings());
            assertEquals("Shapes, take 2", store.projectName());
        }
    }

    @Test
    void everySaveJournalsItsEditInOrder() {
        Path file = dir.resolve("p.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            Graph g = Graph.empty();
            for (int i = 1; i <= 5; i++) {
                g = g.withNode(new Node("n" + i, "relu", Map.of(), i, i));
                store.saveGraph(g, "Add n" + i);
            }
        }
        assertEquals(List.of("Add n1", "Add n2", "Add n3", "Add n4", "Add n5"),
                Projects.query(file, "SELECT description FROM edits ORDER BY id"));
        assertEquals(List.of("1"), Projects.query(file, "SELECT count(*) FROM graphs"));
    }

    @Test
    void runsMetricsAndCheckpointsRoundTrip() {
        Path file = dir.resolve("p.nwproj");
        long first;
        long second;
        List<MetricPoint> points = List.of(
                new MetricPoint(1, 0, "train/loss", 2.30, 0.5),
                new MetricPoint(2, 0, "train/loss", Double.NaN, 0.9), // a diverged loss: SQLite would store NULL
                new MetricPoint(2, 0, "validate/accuracy", 0.5, 1.0),
                new MetricPoint(1, 0, "lr", 1e-3, Double.POSITIVE_INFINITY));
        byte[] older = "epoch one".getBytes(StandardCharsets.UTF_8);
        byte[] newer = new byte[300_000];
        new java.util.Random(3).nextBytes(newer);
        try (ProjectStore store = ProjectStore.create(file)) {
            first = store.startRun("{\"epochs\":2}", "cpu");
            second = store.startRun("{\"epochs\":9}", "gpu(0)");
            store.appendMetrics(first, points.subList(0, 2));
            store.appendMetrics(first, points.subList(2, 4));
            store.appendMetrics(second, List.of(new MetricPoint(1, 0, "train/loss", 1.0, 0.1)));
            store.appendMetrics(second, List.of());
            store.saveCheckpoint(first, 1, older);
            store.saveCheckpoint(first, 2, newer);
            store.finishRun(first, "completed", "{\"test_accuracy\":0.97}");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            List<RunRecord> runs = store.runs();
            assertEquals(2, runs.size());
            RunRecord done = runs.get(0);
            assertEquals(first, done.id());
            assertEquals("completed", done.status());
            assertEquals("cpu", done.device());
            assertEquals("{\"epochs\":2}", done.settingsJson());
            assertEquals("{\"test_accuracy\":0.97}", done.finalJson());
            assertTrue(done.endedAt().compareTo(done.startedAt()) >= 0, done.toString());
            RunRecord running = runs.get(1);
            assertEquals("running", running.status());
            assertEquals("gpu(0)", running.device());
            assertNull(running.endedAt());
            assertNull(running.finalJson());

            List<MetricPoint> back = store.metrics(first);
            assertEquals(points.size(), back.size());
            for (int i = 0; i < points.size(); i++) {
                // equals on records compares doubles with Double.compare, so NaN == NaN here.
                assertEquals(points.get(i), back.get(i));
            }
            assertEquals(1, store.metrics(second).size());
            // Read by key prefix: only those keys, in the order written.
            List<String> prefixes = List.of("train/", "validate/");
            assertEquals(points.stream().filter(p -> prefixes.stream().anyMatch(p.key()::startsWith)).toList(),
                    store.metrics(first, prefixes));
            assertEquals(List.of(), store.metrics(first, List.of()));
            assertArrayEquals(newer, store.latestCheckpoint(first).orElseThrow());
            assertEquals(Optional.empty(), store.latestCheckpoint(second));
        }
    }

    @Test
    void writesToARunThatDoesNotExistAreRefusedAndChangeNothing() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.nwproj"))) {
            List<MetricPoint> one = List.of(new MetricPoint(1, 0, "lr", 0.1, 0));
            assertThrows(IllegalArgumentException.class, () -> store.appendMetrics(99, one));
            assertThrows(IllegalArgumentException.class, () -> store.saveCheckpoint(99, 1, new byte[1]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.finishRun(99, "completed", null));
            assertTrue(e.getMessage().startsWith("There is no run 99 in "), e.getMessage());
            assertEquals(List.of(), store.metrics(99));
            // The failed transactions were rolled back: the store still writes.
            long run = store.startRun("{}", "cpu");
            store.appendMetrics(run, one);
            assertEquals(one, store.metrics(run));
        }
    }

    @Test
    void theFileIsMarkedAsOursVersionedInWalModeAndLeavesNoSideFilesWhenClosed() {
        Path file = dir.resolve("p.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(SampleGraphs.mlp(), "Load MLP");
            assertTrue(Files.exists(dir.resolve("p.nwproj-wal")));
        }
        assertEquals(List.of("p.nwproj"), List.copyOf(FolderSnapshot.of(dir).files().keySet()));
        assertEquals(List.of(String.valueOf(Schema.APPLICATION_ID)), Projects.query(file, "PRAGMA application_id"));
        assertEquals(List.of(String.valueOf(Schema.version())), Projects.query(file, "PRAGMA user_version"));
        assertEquals(List.of("wal"), Projects.query(file, "PRAGMA journal_mode"));
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAsItWas() throws Exception {
        Path file = dir.resolve("notes.nwproj");
        Files.writeString(file, "my notes");
        FolderSnapshot before = FolderSnapshot.of(dir);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.create(file));
        assertTrue(e.getMessage().endsWith("notes.nwproj already exists; choose another name or open it."), e.getMessage());
        assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
    }

    @Test
    void createRefusesWhenALogOfAnEarlierFileOfThatNameIsLeftOver() throws Exception {
        Files.write(dir.resolve("p.nwproj-wal"), new byte[] {1, 2, 3});
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.create(dir.resolve("p.nwproj")));
        assertTrue(e.getMessage().contains("p.nwproj-wal is left over"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("p.nwproj")));
    }

    @Test
    void aPathWithSpacesHashesPercentAndAccentsWorks() {
        Path file = dir.resolve("Réseau #2 100% ?.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(SampleGraphs.mlp(), "Load MLP");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(SampleGraphs.mlp(), store.loadGraph());
            assertEquals("Réseau #2 100% ?", store.projectName());
        }
        assertEquals(List.of("Réseau #2 100% ?.nwproj"), List.copyOf(FolderSnapshot.of(dir).files().keySet()));
    }

    /** The editor saves edits while a training process appends metrics to the same file. */
    @Test
    void twoStoresOnOneFileWriteAtOnceWithoutBusyErrors() throws Exception {
        Path file = dir.resolve("p.nwproj");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ProjectStore editor = ProjectStore.create(file); ProjectStore trainer = ProjectStore.open(file)) {
            long run = trainer.startRun("{}", "cpu");
            Future<?> edits = pool.submit(() -> {
                Graph g = Graph.empty();
                for (int i = 0; i < 150; i++) {
                    g = g.withNode(new Node("n" + i, "relu", Map.of(), i, 0));
                    editor.saveGraph(g, "Add n" + i);
                }
            });
            Future<?> metrics = pool.submit(() -> {
                for (int step = 0; step < 150; step++) {
                    List<MetricPoint> batch = new ArrayList<>();
                    for (int k = 0; k < 10; k++) {
                        batch.add(new MetricPoint(step, 0, "train/loss", k, step));
                    }
                    trainer.appendMetrics(run, batch);
                }
            });
            edits.get();
            metrics.get();
            assertEquals(150, trainer.loadGraph().nodes().size());
            assertEquals(1_500, editor.metrics(run).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoredGraphFromANewerNetwrightIsReportedInOneSentence() throws java.io.IOException {
        Path file = dir.resolve("p.nwproj");
        ProjectStore.create(file).close();
        Projects.execute(file, "UPDATE graphs SET json = '{\"format\":\"netwright-graph\",\"version\":5,\"nodes\":[]}'");
        // Refused by open() itself, before anything writes to the file.
        byte[] before = java.nio.file.Files.readAllBytes(file);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));
        assertEquals("The graph in " + file.toAbsolutePath() + " cannot be read (This graph was made by a newer Netwright"
                + " (graph format version 5); this version reads up to 1).", e.getMessage());
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(file)));
    }

    @Test
    void callsAfterCloseFailWithAProjectFileException() {
        ProjectStore store = ProjectStore.create(dir.resolve("p.nwproj"));
        store.close();
        store.close(); // closing twice is harmless
        ProjectFileException e = assertThrows(ProjectFileException.class, store::loadGraph);
        assertTrue(e.getMessage().startsWith("Could not read the graph in "), e.getMessage());
    }
}
