package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Graph;

/**
 * Another look at a project in the window's process (a read-only store, or the Insight window's writing one) must not
 * hide from the window's connection what training children write afterwards, nor lose what the window writes. Before
 * {@link OpenInThisProcess}, opening a second store read the file's header with plain I/O, and closing that file
 * handle dropped the window's SQLite locks: the next child to close deleted the write-ahead log under the window, which
 * went on reading and writing the deleted log, so its later edit never reached the file (the first two cases failed
 * so) and, when no edit came between, the children's later runs went unseen.
 */
class ReaderBesideEditorTest {
    @TempDir
    Path dir;

    /** Records a run of {@code steps} loss points from a child JVM, as training does; returns its id. */
    private static long recordRunInChild(Path file, int steps) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                RecordRunInChild.class.getName(), file.toString(), Integer.toString(steps)).redirectErrorStream(true)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        child.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, child.exitValue(), out);
        return Long.parseLong(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    /** Two children record runs after {@code look} ran beside the window; the window sees both, and they see its edit. */
    private void childrenAfter(Path file, ThrowingLook look) throws Exception {
        try (ProjectStore window = ProjectStore.openForEditing(file)) {
            look.at(file);
            recordRunInChild(file, 50);
            long second = recordRunInChild(file, 40);
            assertEquals(3, window.runs().size(), "runs the window sees");
            assertEquals(40, window.metrics(second).size());
            Graph edited = SampleGraphs.mlp();
            window.saveGraph(edited, "an edit after the children");
            try (ProjectStore fresh = ProjectStore.openReadOnly(file)) {
                assertEquals(edited.nodes().keySet(), fresh.loadGraph().nodes().keySet(), "the window's edit is in the file");
            }
        }
        try (ProjectStore after = ProjectStore.openReadOnly(file)) {
            assertEquals(3, after.runs().size(), "runs in the file after the window closed");
        }
    }

    @FunctionalInterface
    private interface ThrowingLook {
        void at(Path file) throws Exception;
    }

    @Test
    @Timeout(120)
    void aReadOnlyLookBesideTheWindowHidesNoLaterRun() throws Exception {
        childrenAfter(Projects.realProject(dir, "p.nwproj"), file -> {
            try (ProjectStore reader = ProjectStore.openReadOnly(file)) {
                assertEquals(1, reader.runs().size());
            }
        });
    }

    @Test
    @Timeout(120)
    void aSecondWritingStoreBesideTheWindowHidesNoLaterRun() throws Exception {
        // As the Insight window does when it records what a child made.
        childrenAfter(Projects.realProject(dir, "p.nwproj"), file -> {
            try (ProjectStore other = ProjectStore.open(file)) {
                assertEquals(1, other.runs().size());
            }
        });
    }

    @Test
    @Timeout(120)
    void aReaderLeftOpenSeesTheChildsRunToo() throws Exception {
        Path file = Projects.realProject(dir, "p.nwproj");
        try (ProjectStore window = ProjectStore.openForEditing(file);
             ProjectStore reader = ProjectStore.openReadOnly(file)) {
            recordRunInChild(file, 50);
            long second = recordRunInChild(file, 40);
            assertEquals(3, window.runs().size());
            assertEquals(3, reader.runs().size());
            assertEquals(40, reader.metrics(second).size());
        }
    }

    @Test
    @Timeout(120)
    void aReaderOpenedBeforeTheWindowAndClosedMeanwhileHidesNoLaterRun() throws Exception {
        Path file = Projects.realProject(dir, "p.nwproj");
        ProjectStore reader = ProjectStore.openReadOnly(file);
        assertEquals(1, reader.runs().size());
        try (ProjectStore window = ProjectStore.openForEditing(file)) {
            reader.close();
            recordRunInChild(file, 50);
            recordRunInChild(file, 40);
            assertEquals(3, window.runs().size());
        }
    }

    @Test
    @Timeout(60)
    void aReaderBesideTheWindowsStoreNeverWaitsForIt() throws Exception {
        Path file = Projects.realProject(dir, "p.nwproj");
        try (ProjectStore window = ProjectStore.openForEditing(file)) {
            long run = window.runs().get(0).id();
            // Held as while the window's store is busy with a long call: the reader beside it must not wait for it.
            synchronized (window) {
                CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                    try (ProjectStore reader = window.readerBeside()) {
                        return reader.metrics(run).size();
                    }
                });
                assertEquals(300, read.get(30, TimeUnit.SECONDS));
            }
            try (ProjectStore reader = window.readerBeside()) {
                assertThrows(IllegalStateException.class, () -> reader.setProjectName("changed"), "read-only");
            }
            assertEquals("p", window.projectName());
        }
    }
}
