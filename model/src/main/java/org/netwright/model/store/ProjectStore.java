package org.netwright.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.TrainingSettings;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One project, kept in one SQLite file ({@code .nwproj}): its name, its main graph with a journal of edits,
 * its training settings, and its runs with their metrics and checkpoints.
 *
 * <p>The file is recognised by {@code PRAGMA application_id} and versioned by {@code PRAGMA user_version}
 * (see {@code Schema}); {@link #open} refuses a file that is not a project of this or an older version
 * without changing a byte of it, and only then opens it for writing and migrates it forward.
 *
 * <p>The editor and a training child process write the same file at once (different tables), so the file
 * is in WAL mode (readers never block the writer), every write is one {@code BEGIN IMMEDIATE} transaction
 * (it takes the write lock up front, so the busy timeout applies instead of a deadlock-avoiding
 * {@code SQLITE_BUSY}), and a writer waits up to {@value #BUSY_TIMEOUT_MS} ms for the other. Synchronous
 * is NORMAL: in WAL mode a commit then survives the process being killed (nothing is lost that was
 * acknowledged, see the crash test) and the file is never corrupted, while fsync happens only at
 * checkpoints; FULL would add an fsync to every edit and every metric batch only to also keep the last
 * commits through a power cut, which an autosaving editor can afford to lose. Methods are synchronized:
 * one store holds one JDBC connection.
 */
public final class ProjectStore implements AutoCloseable {
    /** File name ending of project files. */
    public static final String EXTENSION = ".nwproj";

    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final long MAIN_GRAPH = 1;

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private ProjectStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Makes a new project file holding an empty graph; refuses a path that exists already. */
    public static ProjectStore create(Path path) {
        Path file = path.toAbsolutePath();
        if (Files.exists(file)) {
            throw new ProjectFileException(file + " already exists; choose another name or open it.");
        }
        for (String suffix : ProjectFileCheck.SIDE_FILE_SUFFIXES) {
            // SQLite would replay a stale log left by a deleted project of the same name into the new file.
            Path leftover = ProjectFileCheck.sibling(file, suffix);
            if (Files.exists(leftover)) {
                throw new ProjectFileException(leftover + " is left over from an earlier file of that name;"
                        + " remove it or choose another name.");
            }
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new ProjectFileException("The folder of " + file + " does not exist.");
        }
        Connection c = connect(file, true);
        ProjectStore store = new ProjectStore(file, c);
        try {
            String name = file.getFileName().toString();
            String title = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
            String now = Instant.now().toString();
            String emptyGraph = GraphJson.write(Graph.empty());
            store.write("create the project", () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                }
                Schema.migrate(c, 0);
                store.putProjectValue("name", title);
                store.putProjectValue("created", now);
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO graphs (id, name, json, updated_at) VALUES (?, 'main', ?, ?)")) {
                    p.setLong(1, MAIN_GRAPH);
                    p.setString(2, emptyGraph);
                    p.setString(3, now);
                    p.executeUpdate();
                }
                return null;
            });
            return store;
        } catch (RuntimeException e) {
            store.close();
            deleteQuietly(file);
            throw e;
        }
    }

    /** Opens an existing project, migrating it to this version's schema; refuses anything else, leaving it untouched. */
    public static ProjectStore open(Path path) {
        Path file = path.toAbsolutePath();
        ProjectFileCheck.verify(file);
        ProjectStore store = new ProjectStore(file, connect(file, false));
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Connection connect(Path file, boolean create) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (!create) {
            // The file was just checked; if it vanished since, fail instead of making an empty database.
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        try {
            return config.createConnection("jdbc:sqlite:" + file.toUri().toASCIIString());
        } catch (SQLException e) {
            throw new ProjectFileException(file + " cannot be opened for writing (SQLite says: "
                    + SqliteErrors.plain(e) + ").", e);
        }
    }

    private void migrate() {
        if (userVersion() >= Schema.version()) {
            return;
        }
        write("update the project to this version", () -> {
            // Read again under the write lock: another process may have migrated the file meanwhile.
            int version = userVersion();
            if (version > Schema.version()) {
                throw new ProjectFileException(file + " was made by a newer Netwright (schema " + version
                        + "); this version reads up to " + Schema.version() + ".");
            }
            Schema.migrate(connection, version);
            return null;
        });
    }

    private int userVersion() {
        return read("read the schema version", () -> {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    /** The project file. */
    public Path file() {
        return file;
    }

    /** The project's name, shown in the title bar; at first the file name without its extension. */
    public synchronized String projectName() {
        return read("read the project name", () -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT value FROM project WHERE key = 'name'")) {
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : "";
                }
            }
        });
    }

    /** Renames the project (not the file). */
    public synchronized void setProjectName(String name) {
        Objects.requireNonNull(name, "name");
        write("rename the project", () -> {
            putProjectValue("name", name);
            return null;
        });
    }

    private void putProjectValue(String key, String value) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO project (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    /** The main graph as last saved. */
    public synchronized Graph loadGraph() {
        String json = read("read the graph", () -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT json FROM graphs WHERE id = ?")) {
                p.setLong(1, MAIN_GRAPH);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        if (json == null) {
            throw new ProjectFileException(file + " is damaged (it has no main graph).");
        }
        try {
            return GraphJson.read(json);
        } catch (GraphFormatException e) {
            throw new ProjectFileException("The graph in " + file + " cannot be read (" + withoutFullStop(e) + ").", e);
        }
    }

    /** Saves the main graph and journals the edit that made it, in one transaction; called after every edit. */
    public synchronized void saveGraph(Graph graph, String editDescription) {
        Objects.requireNonNull(editDescription, "editDescription");
        String json = GraphJson.write(graph);
        String now = Instant.now().toString();
        write("save the graph", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO graphs (id, name, json, updated_at) VALUES (?, 'main', ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, json);
                p.setString(3, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO edits (graph_id, description, at) VALUES (?, ?, ?)")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, editDescription);
                p.setString(3, now);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The main graph's training settings, if any were saved. */
    public synchronized Optional<TrainingSettings> loadSettings() {
        String json = read("read the training settings", () -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT json FROM settings WHERE graph_id = ?")) {
                p.setLong(1, MAIN_GRAPH);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SettingsJson.read(json));
        } catch (SettingsFormatException e) {
            throw new ProjectFileException("The training settings in " + file + " cannot be read ("
                    + withoutFullStop(e) + ").", e);
        }
    }

    /** Saves the main graph's training settings, replacing earlier ones. */
    public synchronized void saveSettings(TrainingSettings settings) {
        String json = SettingsJson.write(settings);
        write("save the training settings", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO settings (graph_id, json) VALUES (?, ?)"
                            + " ON CONFLICT (graph_id) DO UPDATE SET json = excluded.json")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, json);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Records a new run of the main graph with status {@code running} and returns its id. */
    public synchronized long startRun(String settingsJson, String device) {
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(device, "device");
        String now = Instant.now().toString();
        return write("record a new run", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO runs (graph_id, started_at, status, device, settings_json) VALUES (?, ?, 'running', ?, ?)")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, now);
                p.setString(3, device);
                p.setString(4, settingsJson);
                p.executeUpdate();
            }
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Appends metric points to a run in one transaction (one batched insert). */
    public synchronized void appendMetrics(long runId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        write("save metrics", () -> {
            requireRun(runId);
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO metrics (run_id, step, epoch, key, value, seconds) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (MetricPoint m : points) {
                    p.setLong(1, runId);
                    p.setLong(2, m.step());
                    p.setInt(3, m.epoch());
                    p.setString(4, m.key());
                    p.setDouble(5, m.value());
                    p.setDouble(6, m.seconds());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** Stores a checkpoint of a run's weights (our own binary format, opaque here). */
    public synchronized void saveCheckpoint(long runId, int epoch, byte[] weights) {
        Objects.requireNonNull(weights, "weights");
        String now = Instant.now().toString();
        write("save a checkpoint", () -> {
            requireRun(runId);
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO checkpoints (run_id, epoch, created_at, weights) VALUES (?, ?, ?, ?)")) {
                p.setLong(1, runId);
                p.setInt(2, epoch);
                p.setString(3, now);
                p.setBytes(4, weights);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Marks a run as ended with a status such as {@code completed}, {@code stopped} or {@code failed} and its final results. */
    public synchronized void finishRun(long runId, String status, String finalJson) {
        Objects.requireNonNull(status, "status");
        String now = Instant.now().toString();
        write("finish the run", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE runs SET status = ?, ended_at = ?, final_json = ? WHERE id = ?")) {
                p.setString(1, status);
                p.setString(2, now);
                p.setString(3, finalJson);
                p.setLong(4, runId);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("There is no run " + runId + " in " + file + ".");
                }
            }
            return null;
        });
    }

    private void requireRun(long runId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            p.setLong(1, runId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("There is no run " + runId + " in " + file + ".");
                }
            }
        }
    }

    /** Every run, oldest first. */
    public synchronized List<RunRecord> runs() {
        return read("read the runs", () -> {
            List<RunRecord> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, status, device, started_at, ended_at, settings_json, final_json FROM runs ORDER BY id")) {
                while (r.next()) {
                    out.add(new RunRecord(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7)));
                }
            }
            return out;
        });
    }

    /** A run's metric points in the order they were appended. */
    public synchronized List<MetricPoint> metrics(long runId) {
        return read("read the metrics", () -> {
            List<MetricPoint> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT step, epoch, key, value, seconds FROM metrics WHERE run_id = ? ORDER BY rowid")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new MetricPoint(r.getLong(1), r.getInt(2), r.getString(3), real(r, 4), real(r, 5)));
                    }
                }
            }
            return out;
        });
    }

    /** SQLite stores NaN as NULL; give it back as NaN so a diverged loss reads as it was written. */
    private static double real(ResultSet r, int column) throws SQLException {
        double d = r.getDouble(column);
        return r.wasNull() ? Double.NaN : d;
    }

    /** The weights of a run's most recently saved checkpoint. */
    public synchronized Optional<byte[]> latestCheckpoint(long runId) {
        return read("read the checkpoint", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT weights FROM checkpoints WHERE run_id = ? ORDER BY id DESC LIMIT 1")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** Closes the file; SQLite folds the write-ahead log back into it when this is the last connection. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ProjectFileException("Could not close " + file + " (SQLite says: " + SqliteErrors.plain(e) + ").", e);
        }
    }

    /** A unit of database work that may fail with SQLException. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs work in one IMMEDIATE transaction; any exception rolls it back and is rethrown. */
    private <T> T write(String what, Work<T> work) {
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw failure(what, e);
        }
        try {
            T result = work.run();
            execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw failure(what, (SQLException) e);
        }
    }

    /**
     * Plain statements rather than JDBC's setAutoCommit(false): sqlite-jdbc begins the next transaction as
     * soon as one commits, which with IMMEDIATE would hold the write lock and block the other process.
     */
    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private ProjectFileException failure(String what, SQLException e) {
        return new ProjectFileException("Could not " + what + " in " + file + " (SQLite says: " + SqliteErrors.plain(e)
                + ").", e);
    }

    /** The inner message without its full stop, to be wrapped in parentheses inside our one sentence. */
    private static String withoutFullStop(RuntimeException e) {
        String m = e.getMessage();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static void deleteQuietly(Path file) {
        List<Path> all = new ArrayList<>();
        all.add(file);
        for (String suffix : ProjectFileCheck.SIDE_FILE_SUFFIXES) {
            all.add(ProjectFileCheck.sibling(file, suffix));
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort after a failed create; the original failure is what the caller must hear about.
            }
        }
    }
}
