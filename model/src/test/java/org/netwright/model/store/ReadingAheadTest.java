package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store opened to read ahead, while open() checks the same file, reads what the file holds, writes nothing and
 * leaves no file behind, opens only a file nothing has open, and does not spare the file open()'s checks.
 */
class ReadingAheadTest {
    @TempDir
    Path dir;

    @Test
    void aClosedProjectIsReadAheadWithoutAByteOfTheFolderChanging() {
        Path file = Projects.realProject(dir, "p.nwproj");
        FolderSnapshot before = FolderSnapshot.of(dir);
        try (ProjectStore reader = ProjectStore.openReadingAhead(file).orElseThrow()) {
            long run = reader.runs().get(0).id();
            assertEquals(300, reader.steps(run, "train/loss").size());
            assertEquals("", FolderSnapshot.of(dir).differencesFrom(before), "no -wal or -shm while it reads");
        }
        assertEquals("", FolderSnapshot.of(dir).differencesFrom(before), "nothing written, nothing left behind");
    }

    @Test
    void theReaderReadsOnWhileOpenChecksAndMarksTheFile() {
        Path file = Projects.realProject(dir, "p.nwproj");
        try (ProjectStore reader = ProjectStore.openReadingAhead(file).orElseThrow()) {
            long run = reader.runs().get(0).id();
            // open() checks, switches the journal, marks the runs and the editor beside the reader.
            try (ProjectStore editing = ProjectStore.openForEditing(file)) {
                assertEquals(300, reader.steps(run, "train/loss").size());
                assertEquals(editing.runs(), reader.runs());
                editing.setProjectName("renamed while read");
                assertEquals(300, reader.steps(run, "train/loss").size());
            }
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(1, again.runs().size(), "the file stays whole");
        }
    }

    @Test
    void aProjectOpenSomewhereIsNotReadAhead() {
        Path file = Projects.realProject(dir, "open.nwproj");
        try (ProjectStore editing = ProjectStore.openForEditing(file)) {
            assertTrue(Files.exists(ProjectFileCheck.sibling(file, "-wal")), "an open project has its log beside it");
            assertEquals(Optional.empty(), ProjectStore.openReadingAhead(file));
        }
        assertEquals(Optional.empty(), ProjectStore.openReadingAhead(dir.resolve("missing.nwproj")));
        assertEquals(Optional.empty(), ProjectStore.openReadingAhead(dir));
    }

    @Test
    void aFileCutShortIsStillRefusedByOpenWhileAReaderAheadHasIt() throws IOException {
        Path file = Projects.realProject(dir, "cut.nwproj");
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size / 2 + 100);
        }
        FolderSnapshot before = FolderSnapshot.of(dir);
        Optional<ProjectStore> ahead = ProjectStore.openReadingAhead(file);
        assertTrue(ahead.isPresent(), "SQLite opens the cut file; only reading its missing pages fails");
        try {
            // The reader is not noted as this process's connection, so the check still reads the file's header.
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file).close());
            assertTrue(e.getMessage().contains("is damaged (its size, "), e.getMessage());
        } finally {
            ahead.ifPresent(ProjectStore::close);
        }
        assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
    }
}
