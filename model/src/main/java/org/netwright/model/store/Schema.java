package org.netwright.model.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
                    "CREATE INDEX checkpoints_by_run ON checkpoints(run_id, id)"),
            // 2: the process that runs a run ("pid@host@start"), so that a run whose process died can be told
            // from one still running and marked interrupted.
            List.of("ALTER TABLE runs ADD COLUMN owner TEXT"),
            // 3: small data sets kept inside the project (File > Import Data… "Keep a copy inside the project"),
            // keyed by the SHA-256 of their content, so a run still has its data when the original is moved.
            List.of("CREATE TABLE embedded_data (hash TEXT PRIMARY KEY, name TEXT NOT NULL, added_at TEXT NOT NULL,"
                    + " bytes BLOB NOT NULL)"),
            // 4: each batch of a run's per-step training losses packed into one value beside its rows (StepBlock),
            // so that a reopened run of a million steps reads in tens of milliseconds instead of half a second.
            // Runs written before have none and are read from their rows. And an index of the rows other than those
            // losses (a few per epoch), so the rest of a run is found without visiting its million loss rows: 0.1 s
            // of a reopened run's read became nothing. Queries name the key it leaves out as written here.
            List.of("CREATE TABLE step_blocks (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                            + " key TEXT NOT NULL, points INTEGER NOT NULL, data BLOB NOT NULL)",
                    "CREATE INDEX step_blocks_by_run ON step_blocks(run_id, key)",
                    "CREATE INDEX metrics_per_epoch ON metrics(run_id) WHERE key <> 'train/loss'"));

    /** Tables every schema version from 1 on has; a file of ours without one of them is damaged. */
    static final Set<String> REQUIRED_TABLES =
            Set.of("project", "graphs", "edits", "settings", "runs", "metrics", "checkpoints");

    /**
     * Names SQLite gives its own objects: the AUTOINCREMENT counter, ANALYZE's statistics and the indexes behind
     * PRIMARY KEY and UNIQUE. They carry no SQL that runs, so a file may have them or not.
     */
    private static final Pattern SQLITE_OWN =
            Pattern.compile("sqlite_(sequence|stat[1-4]|autoindex_.*)");

    private static final Map<Integer, Map<String, String>> EXPECTED = new ConcurrentHashMap<>();

    private Schema() {
    }

    /** Whether a schema object is one SQLite makes by itself (see {@link #SQLITE_OWN}). */
    static boolean isSqlitesOwn(String name) {
        return SQLITE_OWN.matcher(name).matches();
    }

    /**
     * Every table, index, trigger and view a file of schema {@code version} has, as "type name" to its SQL with
     * runs of white space made one space; built once per version by running the migrations on an empty database
     * in memory, so this list can never drift from the migrations.
     */
    static Map<String, String> objects(int version) {
        return EXPECTED.computeIfAbsent(version, v -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                migrate(c, 0, v);
                return objects(c);
            } catch (SQLException e) {
                throw new IllegalStateException("The project schema cannot be built in memory", e);
            }
        });
    }

    /** The schema objects of an open database, as for {@link #objects(int)}, leaving out SQLite's own. */
    static Map<String, String> objects(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT type, name, sql FROM sqlite_schema")) {
            while (r.next()) {
                String name = r.getString(2);
                if (!isSqlitesOwn(name)) {
                    out.put(r.getString(1) + " " + name, normalised(r.getString(3)));
                }
            }
        }
        return out;
    }

    private static String normalised(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").trim();
    }

    /** The newest schema this build knows. */
    static int version() {
        return MIGRATIONS.size();
    }

    /** Runs migrations {@code from+1 .. version()}; the caller holds a write transaction, so all or none apply. */
    static void migrate(Connection c, int from) throws SQLException {
        migrate(c, from, version());
    }

    private static void migrate(Connection c, int from, int to) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from + 1; v <= to; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + v);
            }
        }
    }
}
