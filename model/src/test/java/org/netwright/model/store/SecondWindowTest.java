package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.SampleGraphs;

/** Two app windows (processes) never both write one project's graph; a killed window does not lock it for ever. */
class SecondWindowTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aSecondProcessIsRefusedWhileTheFirstEditsAndTakesOverOnceItIsKilled() throws Exception {
        Path file = Projects.realProject(dir, "shared.nwproj");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldForEditing.class.getName(), file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("editing", out.readLine());
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.openForEditing(file));
            assertEquals(file.toAbsolutePath() + " is open in another Netwright window (process " + first.pid()
                    + "); switch to that window, or close the project there first.", e.getMessage());
            // A run's child or a reader is no second editor: they still open it.
            try (ProjectStore run = ProjectStore.open(file)) {
                assertEquals(SampleGraphs.lenet(), run.loadGraph());
            }
            first.toHandle().destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        } finally {
            first.destroyForcibly();
        }
        try (ProjectStore second = ProjectStore.openForEditing(file)) {
            second.saveGraph(SampleGraphs.mlp(), "the second window edits once the first is gone");
        }
        try (ProjectStore again = ProjectStore.openForEditing(file)) {
            assertEquals(SampleGraphs.mlp(), again.loadGraph());
        }
    }
}
