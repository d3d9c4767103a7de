package org.netwright.model.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The project file's tables as a list of forward migrations: migration n takes a file from schema n-1 to n
 * and sets {@code PRAGMA user_version = n}. Never edit a released migration; append a new one.
 */
final class Schema {
    /** {@code PRAGMA application_id} of every project file: "NWPJ" in ASCII, so tools like file(1) can tell ours apart. */
    static final int APPLICATION_ID = 0x4E57504A;

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE graphs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE edits (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " graph_id INTEGER NOT NULL REFERENCES graphs(id) ON DELETE CASCADE,"
                            + " description TEXT NOT NULL, at TEXT NOT NULL)",
                    "CREATE TABLE settings (graph_id INTEGER PRIMARY KEY REFERENCES graphs(id) ON DELETE CASCADE,"
                            + " json TEXT NOT NULL)",
                    "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " graph_id INTEGER NOT NULL REFERENCES graphs(id) ON DELETE CASCADE,"
                            + " started_at TEXT NOT NULL, ended_at TEXT, status TEXT NOT NULL, device TEXT NOT NULL,"
                            + " settings_json TEXT NOT NULL, final_json TEXT)",
                    // value and seconds may be NULL because SQLite stores NaN (a diverged loss) as NULL.
                    "CREATE TABLE metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                            + " step INTEGER NOT NULL, epoch INTEGER NOT NULL, key TEXT NOT NULL, value REAL,"
                            + " seconds REAL)",
                    "CREATE INDEX metrics_by_run ON metrics(run_id)",
                    "CREATE TABLE checkpoints (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                            + " epoch INTEGER NOT NULL, created_at TEXT NOT NULL, weights BLOB NOT NULL)",
                    "CREATE INDEX checkpoints_by_run ON checkpoints(run_id, id)"));

    /** Tables every schema version from 1 on has; a file of ours without one of them is damaged. */
    static final Set<String> REQUIRED_TABLES =
            Set.of("project", "graphs", "edits", "settings", "runs", "metrics", "checkpoints");

    private Schema() {
    }

    /** The newest schema this build knows. */
    static int version() {
        return MIGRATIONS.size();
    }

    /** Runs migrations {@code from+1 .. version()}; the caller holds a write transaction, so all or none apply. */
    static void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from + 1; v <= version(); v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + v);
            }
        }
    }
}
