package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.SampleGraphs;

/** The data-loss cases of issue 10: creating, copying and reopening a project never loses one. */
class ProjectDataLossTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void ofProcessesCreatingOneNewFileAtOnceOneWinsAndTheOthersLeaveItsFileAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Path file = dir.resolve("q" + round + ".nwproj");
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try (ProjectStore store = ProjectStore.create(file)) {
                            store.saveGraph(SampleGraphs.mlp(), "winner " + id);
                            return "won";
                        } catch (ProjectFileException e) {
                            return e.getMessage();
                        }
                    }));
                }
                int won = 0;
                for (Future<String> f : outcomes) {
                    String outcome = f.get(30, TimeUnit.SECONDS);
                    if (outcome.equals("won")) {
                        won++;
                    } else {
                        assertTrue(outcome.endsWith("already exists; choose another name or open it."), outcome);
                    }
                }
                assertEquals(1, won, "round " + round);
                assertTrue(Files.exists(file), "round " + round + ": the winner's project is gone");
                try (ProjectStore store = ProjectStore.open(file)) {
                    assertEquals(SampleGraphs.mlp(), store.loadGraph());
                }
                assertEquals(List.of("ok"), Projects.query(file, "PRAGMA integrity_check"));
            }
            assertNoTemporaryFiles();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void aKillWhileCreatingLeavesNoProjectAndTheNameFreeForARerun() throws Exception {
        Path file = dir.resolve("q.nwproj");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CreateThenHang.class.getName(), file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("filling", out.readLine());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertFalse(Files.exists(file), "a half-made project was left under the final name");
        try (ProjectStore store = ProjectStore.create(file, s -> s.saveGraph(SampleGraphs.mlp(), "Load MLP"))) {
            assertEquals(SampleGraphs.mlp(), store.loadGraph());
        }
    }

    @Test
    void contentsThatFailLeaveNothingBehind() {
        Path file = dir.resolve("q.nwproj");
        assertThrows(IllegalStateException.class, () -> ProjectStore.create(file, s -> {
            s.saveGraph(SampleGraphs.mlp(), "Load MLP");
            throw new IllegalStateException("the settings could not be made");
        }));
        assertEquals(List.of(), List.copyOf(FolderSnapshot.of(dir).files().keySet()));
    }

    /**
     * Save As while a training run (another connection) writes metrics into the log and a reader reads: 100
     * copies, each a sound project holding at least every metric committed before the copy began.
     */
    @Test
    @Timeout(120)
    void aCopyMadeWhileOthersWriteAndReadIsWholeAndHoldsWhatWasCommitted() throws Exception {
        Path file = Projects.realProject(dir, "busy.nwproj");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicInteger readerErrors = new AtomicInteger();
        try (ProjectStore editor = ProjectStore.openForEditing(file);
             ProjectStore child = ProjectStore.open(file);
             ProjectStore reader = ProjectStore.openReadOnly(file)) {
            long run = child.startRun("{}", "cpu");
            Thread writer = new Thread(() -> {
                for (int step = 1; !stop.get(); step++) {
                    child.appendMetrics(run, List.of(new MetricPoint(step, 1, "train/loss", 1.0 / step, step)));
                    committed.set(step);
                    pause();
                }
            });
            Thread reading = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        reader.metrics(run);
                    } catch (RuntimeException e) {
                        readerErrors.incrementAndGet();
                    }
                    pause();
                }
            });
            writer.start();
            reading.start();
            try {
                for (int i = 0; i < 100; i++) {
                    Path copy = dir.resolve("copy" + i + ".nwproj");
                    long before = committed.get();
                    editor.saveGraph(SampleGraphs.mlp(), "edit " + i);
                    editor.saveCopyAs(copy);
                    assertEquals(List.of("ok"), Projects.query(copy, "PRAGMA integrity_check"), "copy " + i);
                    try (ProjectStore c = ProjectStore.open(copy)) {
                        RunRecord copied = c.runs().get(1);
                        assertEquals(ProjectStore.INTERRUPTED, copied.status(), "a run cut by the copy");
                        assertTrue(c.metrics(copied.id()).size() >= before, "copy " + i + " lost metrics");
                        assertEquals(SampleGraphs.mlp(), c.loadGraph());
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
                reading.join();
            }
            assertEquals(0, readerErrors.get());
            assertEquals("running", child.runs().get(1).status());
        }
        assertNoTemporaryFiles();
    }

    @Test
    void aCopyReplacesAnOldFileOfThatNameButNotOneInUse() throws Exception {
        Path file = Projects.realProject(dir, "a.nwproj");
        Path old = Files.writeString(dir.resolve("b.nwproj"), "an older copy");
        try (ProjectStore store = ProjectStore.open(file)) {
            store.saveCopyAs(old);
            try (ProjectStore inUse = ProjectStore.create(dir.resolve("c.nwproj"))) {
                inUse.saveGraph(SampleGraphs.mlp(), "keeps its log open");
                FolderSnapshot before = FolderSnapshot.of(dir);
                ProjectFileException e = assertThrows(ProjectFileException.class,
                        () -> store.saveCopyAs(dir.resolve("c.nwproj")));
                assertTrue(e.getMessage().contains("open in another program"), e.getMessage());
                assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
            }
        }
        try (ProjectStore copy = ProjectStore.open(old)) {
            assertEquals(SampleGraphs.lenet(), copy.loadGraph());
            assertEquals(1, copy.runs().size());
        }
    }

    @Test
    void aRunWhoseProcessDiedIsMarkedInterruptedOnOpenAndKeepsItsCheckpoint() throws Exception {
        Path file = Projects.realProject(dir, "p.nwproj");
        ProcessOwner dead = deadOwner();
        long deadRun;
        long liveRun;
        try (ProjectStore store = ProjectStore.open(file)) {
            deadRun = store.startRun("{}", "cpu");
            store.saveCheckpoint(deadRun, 1, new byte[] {1, 2, 3});
            liveRun = store.startRun("{}", "cpu");
        }
        Projects.execute(file, "UPDATE runs SET owner = '" + dead.text() + "' WHERE id = " + deadRun);
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(ProjectStore.INTERRUPTED, store.runs().get(1).status());
            assertTrue(store.runs().get(1).endedAt() != null);
            assertEquals("running", store.runs().get(2).status(), "this process is alive; its run goes on");
            assertEquals(Optional.of(3), store.latestCheckpoint(deadRun).map(b -> b.length));
            store.finishRun(liveRun, "completed", "{}");
        }
    }

    @Test
    void anInterruptedRunEndsWhenItWasLastHeardOfNotWhenItsDeathWasNoticed() throws Exception {
        Path file = Projects.realProject(dir, "p.nwproj");
        ProcessOwner dead = deadOwner();
        long withSteps;
        long withCheckpointOnly;
        try (ProjectStore store = ProjectStore.open(file)) {
            withSteps = store.startRun("{}", "cpu");
            store.appendMetrics(withSteps, List.of(new MetricPoint(1, 0, "train/loss", 0.9, 12.0),
                    new MetricPoint(2, 0, "train/loss", 0.8, 25.5), new MetricPoint(2, 0, "lr", 0.01, Double.NaN)));
            withCheckpointOnly = store.startRun("{}", "cpu");
            store.saveCheckpoint(withCheckpointOnly, 1, new byte[] {1});
        }
        // Both started an hour ago; the project is opened again only now.
        java.time.Instant hourAgo = java.time.Instant.now().minusSeconds(3600);
        Projects.execute(file, "UPDATE runs SET owner = '" + dead.text() + "', started_at = '" + hourAgo + "' WHERE id IN ("
                + withSteps + ", " + withCheckpointOnly + ")");
        String saved = hourAgo.plusSeconds(40).toString();
        Projects.execute(file, "UPDATE checkpoints SET created_at = '" + saved + "' WHERE run_id = " + withCheckpointOnly);
        try (ProjectStore store = ProjectStore.open(file)) {
            RunRecord stepped = store.runs().stream().filter(r -> r.id() == withSteps).findFirst().orElseThrow();
            RunRecord checkpointed = store.runs().stream().filter(r -> r.id() == withCheckpointOnly).findFirst()
                    .orElseThrow();
            assertEquals(ProjectStore.INTERRUPTED, stepped.status());
            assertEquals(hourAgo.plusMillis(25_500), java.time.Instant.parse(stepped.endedAt()),
                    "its start plus its last step's elapsed time");
            assertEquals(saved, checkpointed.endedAt(), "its last checkpoint");
        }
    }

    @Test
    void aRunFromBeforeRunsRecordedTheirProcessIsInterruptedToo() {
        Path file = Projects.realProject(dir, "old.nwproj");
        long run;
        try (ProjectStore store = ProjectStore.open(file)) {
            run = store.startRun("{}", "cpu");
        }
        Projects.execute(file, "UPDATE runs SET owner = NULL WHERE id = " + run);
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertEquals(ProjectStore.INTERRUPTED, store.runs().get(1).status(), "read-only, it reads as interrupted");
        }
        assertEquals(List.of("running"), Projects.query(file, "SELECT status FROM runs WHERE id = " + run),
                "reading only changes nothing");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(ProjectStore.INTERRUPTED, store.runs().get(1).status());
        }
    }

    /** The owner of a process that has ended: a run recorded with it was cut off. */
    private static ProcessOwner deadOwner() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).start();
        ProcessOwner dead = ProcessOwner.of(gone.toHandle());
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        return dead;
    }

    /** A training run writes a batch every half second, not as fast as it can; a short pause keeps the test near that. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (var files = Files.list(dir)) {
            List<String> temps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
    }

}
