package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.SampleGraphs;

/**
 * A project file from elsewhere is untrusted: SQL it brings never runs, a refusal leaves it byte for byte as it
 * was, reading never writes, and every refusal is one sentence.
 */
class HostileProjectTest {
    @TempDir
    Path dir;

    private void assertRefused(Path file, String expected) {
        FolderSnapshot before = FolderSnapshot.of(dir);
        for (int how = 0; how < 3; how++) {
            int h = how;
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> (switch (h) {
                case 0 -> ProjectStore.open(file);
                case 1 -> ProjectStore.openReadOnly(file);
                default -> ProjectStore.openForEditing(file);
            }).close());
            assertTrue(e.getMessage().contains(expected), "'" + expected + "' not in: " + e.getMessage());
            assertTrue(e.getMessage().endsWith(".") && !e.getMessage().contains("\n"), e.getMessage());
            assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
        }
    }

    @Test
    void aTriggerThatWouldDeleteTheGraphIsRefusedAndNeverRuns() {
        Path file = Projects.realProject(dir, "trap.nwproj");
        Projects.execute(file, "CREATE TRIGGER wipe AFTER UPDATE ON graphs BEGIN DELETE FROM graphs; END");
        assertRefused(file, "it holds a trigger named 'wipe', which Netwright projects never have");
    }

    @Test
    void triggersThatBurnTimeOrFillTheDiskAreRefused() {
        Path file = Projects.realProject(dir, "burn.nwproj");
        Projects.execute(file, "CREATE TRIGGER burn BEFORE INSERT ON metrics BEGIN"
                + " SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);"
                + " END",
                "CREATE TRIGGER fill AFTER INSERT ON edits BEGIN"
                + " INSERT INTO checkpoints (run_id, epoch, created_at, weights) SELECT 1, 0, '', zeroblob(2000000000); END");
        assertRefused(file, "which Netwright projects never have");
    }

    @Test
    void viewsAndVirtualTablesAreRefused() {
        Path view = Projects.realProject(dir, "view.nwproj");
        Projects.execute(view, "CREATE VIEW everything AS SELECT * FROM metrics");
        assertRefused(view, "it holds a view named 'everything'");
        Path virtual = Projects.realProject(dir, "virtual.nwproj");
        Projects.execute(virtual, "CREATE VIRTUAL TABLE notes USING fts5(text)");
        assertRefused(virtual, "it holds a table named 'notes'");
    }

    @Test
    void aTableWithoutItsColumnsIsRefusedBeforeAnythingWrites() {
        Path file = Projects.realProject(dir, "columns.nwproj");
        Projects.execute(file, "DROP TABLE graphs", "CREATE TABLE graphs (id INTEGER PRIMARY KEY, name TEXT)");
        assertRefused(file, "is damaged or was changed outside Netwright (its table graphs is not laid out as Netwright makes it)");
    }

    @Test
    void anIndexOfOurTablesThatWeNeverMadeIsRefused() {
        Path file = Projects.realProject(dir, "index.nwproj");
        Projects.execute(file, "CREATE INDEX slow ON metrics(abs(value) + length(key))");
        assertRefused(file, "it holds an index named 'slow'");
    }

    @Test
    void aNegativeSchemaVersionIsRefusedInASentence() {
        Path file = Projects.realProject(dir, "minus.nwproj");
        Projects.execute(file, "PRAGMA user_version = -1");
        assertRefused(file, "is damaged (its schema version, -1, is not one Netwright writes).");
    }

    @Test
    void readingAProjectInRollbackJournalModeWritesNothing() {
        Path file = Projects.realProject(dir, "old-mode.nwproj");
        Projects.execute(file, "PRAGMA journal_mode = DELETE");
        FolderSnapshot before = FolderSnapshot.of(dir);
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertEquals(SampleGraphs.lenet(), store.loadGraph());
            assertEquals(1, store.runs().size());
            assertThrows(IllegalStateException.class, () -> store.saveGraph(SampleGraphs.mlp(), "not allowed"));
        }
        assertEquals("", FolderSnapshot.of(dir).differencesFrom(before));
    }

    @Test
    void sqliteMessagesThatSayNothingAreNamedInstead() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT load_extension('/nowhere/evil')"));
            String plain = SqliteErrors.plain(e);
            assertTrue(plain.chars().anyMatch(Character::isLetter) && !plain.equals(")"), plain);
        }
        String nested = SqliteErrors.plain(new org.sqlite.SQLiteException(
                "[SQLITE_ERROR] SQL error or missing database (not authorized to use load_extension())",
                org.sqlite.SQLiteErrorCode.SQLITE_ERROR));
        assertEquals("not authorized to use load_extension()", nested);
        String empty = SqliteErrors.plain(new org.sqlite.SQLiteException(
                "[SQLITE_ERROR] SQL error or missing database ()", org.sqlite.SQLiteErrorCode.SQLITE_ERROR));
        assertFalse(empty.isBlank() || empty.equals(")"), empty);
    }

    @Test
    @Timeout(30)
    void aProjectLockedByAnotherProgramEndsInASentenceNotAHang() throws SQLException {
        Path file = Projects.realProject(dir, "locked.nwproj");
        try (ProjectStore store = ProjectStore.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO edits (graph_id, description, at) VALUES (1, 'held', '')");
            ProjectFileException e = assertThrows(ProjectFileException.class,
                    () -> store.saveGraph(SampleGraphs.mlp(), "blocked"));
            assertTrue(e.getMessage().contains("another program has kept it locked for more than 5 seconds"),
                    e.getMessage());
            s.execute("ROLLBACK");
            store.saveGraph(SampleGraphs.mlp(), "now free");
        }
        assertEquals(List.of("ok"), Projects.query(file, "PRAGMA integrity_check"));
    }
}
