package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** open() refuses what it cannot read with a clear message and leaves the file and its folder byte for byte as they were. */
class ProjectFileRefusalTest {
    @TempDir
    Path dir;

    /** Opens, expects a refusal containing {@code expected}, and checks that nothing in the folder changed. */
    private String assertRefused(Path file, String expected) {
        FolderSnapshot before = FolderSnapshot.of(dir);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file).close());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' not in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
        assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
        return e.getMessage();
    }

    private static long pageSize(Path file) {
        return Long.parseLong(Projects.query(file, "PRAGMA page_size").get(0));
    }

    @Test
    void aTextFileIsNotAProject() throws IOException {
        Path file = Files.writeString(dir.resolve("readme.nwproj"), "This is not a database, just some notes.\n".repeat(50));
        assertEquals(file + " is not a Netwright project (it is not a SQLite database).",
                assertRefused(file, "(it is not a SQLite database)"));
    }

    @Test
    void aPngIsNotAProject() throws IOException {
        byte[] png = new byte[8192];
        new Random(5).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        assertRefused(Files.write(dir.resolve("picture.nwproj"), png), "is not a Netwright project (it is not a SQLite database)");
    }

    @Test
    void anEmptyFileIsNotAProject() throws IOException {
        assertRefused(Files.createFile(dir.resolve("empty.nwproj")), "(it is not a SQLite database)");
    }

    @Test
    void aSqliteDatabaseOfAnotherProgramIsNotAProject() {
        // In WAL mode on purpose: a plain read-only open of it would leave -wal and -shm files behind.
        Path file = dir.resolve("other.db");
        Projects.execute(file, "PRAGMA journal_mode=WAL", "CREATE TABLE contacts (name TEXT)",
                "INSERT INTO contacts VALUES ('Ada')");
        assertRefused(file, "is not a Netwright project (it is a SQLite database, but not one Netwright made)");
    }

    @Test
    void aProjectFromANewerNetwrightIsRefusedSayingBothVersions() {
        Path file = Projects.realProject(dir, "future.nwproj");
        Projects.execute(file, "PRAGMA user_version = 7");
        assertEquals(file.toAbsolutePath() + " was made by a newer Netwright (schema 7); this version reads up to " + Schema.version() + ".",
                assertRefused(file, "newer Netwright"));
    }

    @Test
    void aProjectCutInHalfIsRefusedAsDamaged() throws IOException {
        Path file = Projects.realProject(dir, "half.nwproj");
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size / 2 + 100); // not a whole number of pages
        }
        assertRefused(file, "is damaged (its size, ");
    }

    @Test
    void aProjectCutAtAPageBoundaryIsRefusedAsDamaged() throws IOException {
        Path file = Projects.realProject(dir, "cut.nwproj");
        long page = pageSize(file);
        long pages = Files.size(file) / page;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(pages / 2 * page);
        }
        assertRefused(file, "is damaged (it holds " + pages / 2 + " of the " + pages + " pages its header lists");
    }

    /** Overwrites bytes at {@code offset} of the root page of table or index {@code name}. */
    private static void garble(Path file, String name, int offset, byte[] junk) throws IOException {
        long page = pageSize(file);
        String root = Projects.query(file, "SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'").get(0);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek((Long.parseLong(root) - 1) * page + offset);
            f.write(junk);
        }
    }

    @Test
    void aProjectWithAGarbledTablePageIsRefusedAsDamaged() throws IOException {
        Path file = Projects.realProject(dir, "garbled.nwproj");
        byte[] junk = new byte[(int) pageSize(file)];
        new Random(9).nextBytes(junk);
        garble(file, "runs", 0, junk);
        assertEquals(file.toAbsolutePath() + " is damaged (SQLite cannot read it: database disk image is malformed).",
                assertRefused(file, "is damaged"));
    }

    @Test
    void aProjectWithGarbledIndexCellsIsRefusedByTheQuickCheck() throws IOException {
        Path file = Projects.realProject(dir, "cells.nwproj");
        // Bytes 8.. of a leaf page are its cell pointers: the page still parses, but its cells point outside it.
        garble(file, "metrics_by_run", 8, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 0x11});
        String message = assertRefused(file, "is damaged (SQLite's check found: Tree ");
        assertTrue(message.contains("out of range"), message);
    }

    @Test
    void aProjectWithoutOneOfItsTablesIsRefusedAsDamaged() {
        Path file = Projects.realProject(dir, "gutted.nwproj");
        Projects.execute(file, "DROP TABLE metrics");
        assertRefused(file, "is damaged (its table metrics is missing)");
    }

    @Test
    void aFileMarkedAsOursWhoseCreationNeverFinishedIsRefused() {
        Path file = dir.resolve("unfinished.nwproj");
        Projects.execute(file, "PRAGMA application_id = " + Schema.APPLICATION_ID, "CREATE TABLE t (x)");
        assertRefused(file, "is not a Netwright project (it is marked as one, but its creation never finished)");
    }

    @Test
    void aFolderAndAMissingFileAreRefused() throws IOException {
        assertRefused(Files.createDirectory(dir.resolve("folder.nwproj")), "(it is not a file)");
        assertRefused(dir.resolve("missing.nwproj"), "missing.nwproj does not exist.");
    }

    @Test
    void aRealProjectIsAcceptedAfterAllThoseChecks() {
        Path file = Projects.realProject(dir, "fine.nwproj");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(1, store.runs().size());
        }
    }
}
