package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;

/** A process killed with SIGKILL while it saves edits loses none it acknowledged, and the file stays sound. */
class CrashSafetyTest {
    private static final int ACKNOWLEDGED = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void editsAcknowledgedBeforeAKillSurviveItAndTheFileIsIntact() throws Exception {
        Path file = dir.resolve("crash.nwproj");
        ProjectStore.create(file).close();

        // Round one writes into a fresh file; round two reopens the file the first kill left with a hot log.
        int expected = 0;
        for (int round = 1; round <= 2; round++) {
            int acknowledged = writeUntilKilled(file, expected + ACKNOWLEDGED);
            assertTrue(acknowledged >= expected + ACKNOWLEDGED);
            expected = acknowledged;
            assertTrue(Files.exists(dir.resolve("crash.nwproj-wal")), "the kill should leave the log behind");

            try (ProjectStore store = ProjectStore.open(file)) {
                Graph g = store.loadGraph();
                assertTrue(g.nodes().size() >= acknowledged, g.nodes().size() + " nodes < " + acknowledged + " acknowledged");
                for (int n = 2; n <= acknowledged; n++) {
                    assertTrue(g.edges().contains(Edge.of("n" + (n - 1), "out", "n" + n, "in")), "edge into n" + n);
                }
                expected = g.nodes().size();
            }
            assertEquals(List.of("ok"), Projects.query(file, "PRAGMA integrity_check"));
            List<String> journal = Projects.query(file, "SELECT description FROM edits ORDER BY id");
            assertEquals(expected, journal.size());
            assertEquals("Add n" + acknowledged, journal.get(acknowledged - 1));
        }
    }

    /** Starts the writer, waits for "committed target", kills it with SIGKILL and returns the last acknowledged N. */
    private int writeUntilKilled(Path file, int target) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = dir.resolve("writer-stderr.txt");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EditStreamWriter.class.getName(), file.toString())
                .redirectError(stderr.toFile())
                .start();
        int last = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (last < target && (line = out.readLine()) != null) {
                last = Integer.parseInt(line.substring("committed ".length()));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
            assertTrue(child.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS), "writer did not die");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(last >= target, "writer stopped at " + last + ": " + Files.readString(stderr));
        assertFalse(child.isAlive());
        assertEquals(137, child.exitValue(), "the writer should have been killed, not have exited");
        return last;
    }
}
