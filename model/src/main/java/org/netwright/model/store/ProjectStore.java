package org.netwright.model.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /** Status of a run whose process died before it could record an end (see {@link #open}). */
    public static final String INTERRUPTED = "interrupted";

    private static final String EDITOR_KEY = "editor";

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    /** This connection's entry in {@link OpenInThisProcess}, or null for a project still being created. */
    private Object openHere;
    private String editorClaim;
    private boolean closed;

    private ProjectStore(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Makes a new project file holding an empty graph; refuses a path that exists already. */
    public static ProjectStore create(Path path) {
        return create(path, store -> { });
    }

    /**
     * Makes a new project file holding an empty graph and whatever {@code contents} then writes into it (a
     * graph, settings), all or nothing: everything is written to a temporary file in the same folder, which is
     * then given the final name only if that name is still free. So a kill leaves no half-made project, and of
     * two processes creating the same file at once one wins and the other is refused without touching the
     * winner's file. Returns the new project, open.
     */
    public static ProjectStore create(Path path, Consumer<ProjectStore> contents) {
        Objects.requireNonNull(contents, "contents");
        Path file = path.toAbsolutePath();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw alreadyExists(file);
        }
        requireNoSideFiles(file, " is left over from an earlier file of that name; remove it or choose another name.");
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new ProjectFileException("The folder of " + file + " does not exist.");
        }
        Path temp = AtomicFiles.temporarySibling(file, "creating");
        try {
            // Messages name the final file: the temporary one is an implementation detail.
            try (ProjectStore building = new ProjectStore(file, connect(temp, true), false)) {
                building.initialise();
                contents.accept(building);
            }
            AtomicFiles.publish(temp, file);
        } finally {
            AtomicFiles.deleteOwn(temp);
        }
        return open(file);
    }

    private void initialise() {
        String name = file.getFileName().toString();
        String title = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        String now = Instant.now().toString();
        String emptyGraph = GraphJson.write(Graph.empty());
        write("create the project", () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            }
            Schema.migrate(connection, 0);
            putProjectValue("name", title);
            putProjectValue("created", now);
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO graphs (id, name, json, updated_at) VALUES (?, 'main', ?, ?)")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, emptyGraph);
                p.setString(3, now);
                p.executeUpdate();
            }
            return null;
        });
    }

    private static ProjectFileException alreadyExists(Path file) {
        return new ProjectFileException(file + " already exists; choose another name or open it.");
    }

    /** SQLite would replay a log left beside a name into whatever file next has that name, so refuse such names. */
    private static void requireNoSideFiles(Path file, String why) {
        for (String suffix : ProjectFileCheck.SIDE_FILE_SUFFIXES) {
            Path leftover = ProjectFileCheck.sibling(file, suffix);
            if (Files.exists(leftover, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProjectFileException(leftover + why);
            }
        }
    }

    /**
     * Loads SQLite's native library and the driver's classes now, on the caller's thread, for a process that will
     * open a project soon: the first connection in a process copies the library out of its jar and compares the copy
     * (about 0.1 s), which the app does on a background thread at launch instead of on the window's thread. Touches no
     * file; a failure here is left for the real opening to report.
     */
    public static void prepare() {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 1")) {
            r.next();
        } catch (SQLException | RuntimeException | LinkageError e) {
            // Nothing was opened: opening a project says what is wrong, in words, where it matters.
        }
    }

    /**
     * Opens an existing project for writing, migrating it to this version's schema; refuses anything else,
     * leaving it untouched. Runs still marked running whose process has died are marked {@link #INTERRUPTED}
     * (their checkpoints stay, so they can be continued).
     */
    public static ProjectStore open(Path path) {
        Path file = path.toAbsolutePath();
        ProjectFileCheck.verify(file);
        ProjectStore store = opened(file, () -> connect(file, false), false);
        try {
            store.migrate();
            store.markInterruptedRuns();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens a project to read it only (for {@code summary}, or to load a graph): the file is checked as by
     * {@link #open} and never written, not even to migrate it or to switch its journal mode.
     */
    public static ProjectStore openReadOnly(Path path) {
        Path file = path.toAbsolutePath();
        ProjectFileCheck.verify(file);
        return opened(file, () -> ProjectFileCheck.readOnlyConnection(file), true);
    }

    /**
     * A second connection to this project, read-only, for a long read off the UI thread (a run's million metric
     * points): this store's calls do not wait for it, nor it for them (each store serves one caller at a time). The
     * file is not checked again, as this store's opening did; close the reader when done.
     */
    public ProjectStore readerBeside() {
        return opened(file, () -> ProjectFileCheck.readOnlyConnection(file), true);
    }

    /**
     * A read-only store on {@code path} for a long read (a run's million metric points) made while {@link #open} checks
     * the same file on another thread, so that the read need not wait for the check. Opened only while nothing has
     * the file open (no -wal, -shm or -journal beside it): then SQLite opens it immutable, takes no lock, writes
     * nothing and leaves no file behind, whatever the check decides. Empty otherwise, or when SQLite cannot open it.
     * The file is not checked here: what is read counts only once {@code open} has accepted the file, and only for
     * what cannot have changed since (a run that is not running).
     */
    public static Optional<ProjectStore> openReadingAhead(Path path) {
        Path file = path.toAbsolutePath();
        if (!Files.isRegularFile(file) || ProjectFileCheck.SIDE_FILE_SUFFIXES.stream()
                .anyMatch(suffix -> Files.exists(ProjectFileCheck.sibling(file, suffix)))) {
            return Optional.empty();
        }
        try {
            // Not noted in OpenInThisProcess: the check running meanwhile must read the file's header itself.
            return Optional.of(new ProjectStore(file, ProjectFileCheck.readOnlyConnection(file), true));
        } catch (ProjectFileException e) {
            return Optional.empty();
        }
    }

    /** A store on a connection {@code connect} opens, noted in {@link OpenInThisProcess} before it connects. */
    private static ProjectStore opened(Path file, Supplier<Connection> connect, boolean readOnly) {
        Object key = OpenInThisProcess.add(file);
        try {
            ProjectStore store = new ProjectStore(file, connect.get(), readOnly);
            store.openHere = key;
            return store;
        } catch (RuntimeException e) {
            OpenInThisProcess.remove(key);
            throw e;
        }
    }

    /**
     * Opens a project as {@link #open} does, for the one window that edits its graph: refuses, in a sentence,
     * while another live Netwright window has it open for editing, so that two windows never write the graph.
     * The mark is removed by {@link #close}; a window that was killed leaves a mark the next one takes over.
     */
    public static ProjectStore openForEditing(Path path) {
        ProjectStore store = open(path);
        try {
            store.claimEditing();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void claimEditing() {
        String mine = ProcessOwner.current().text() + " " + Long.toHexString(AtomicFiles.randomToken());
        write("mark the project as open for editing", () -> {
            String theirs = projectValue(EDITOR_KEY);
            if (theirs != null) {
                Optional<ProcessOwner> owner = ProcessOwner.parse(theirs.split(" ", 2)[0]);
                if (owner.isPresent() && owner.get().isAlive()) {
                    throw new ProjectFileException(owner.get().pid() == ProcessOwner.current().pid()
                            ? file + " is open already in this Netwright window."
                            : file + " is open in another Netwright window (process " + owner.get().pid()
                                    + "); switch to that window, or close the project there first.");
                }
            }
            putProjectValue(EDITOR_KEY, mine);
            return null;
        });
        editorClaim = mine;
    }

    private String projectValue(String key) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT value FROM project WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** Marks runs whose recorded process is gone as interrupted; a run of this or another live process stays. */
    private void markInterruptedRuns() {
        Map<Long, String> running = read("read the runs", () -> {
            Map<Long, String> out = new LinkedHashMap<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, owner FROM runs WHERE status = 'running'")) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getString(2));
                }
            }
            return out;
        });
        running.values().removeIf(owner -> ProcessOwner.parse(owner).map(ProcessOwner::isAlive).orElse(false));
        if (running.isEmpty()) {
            return;
        }
        write("mark runs whose process ended as interrupted", () -> {
            try (PreparedStatement p = connection.prepareStatement("UPDATE runs SET status = '" + INTERRUPTED
                    + "', ended_at = ? WHERE id = ? AND status = 'running' AND owner IS ?")) {
                for (Map.Entry<Long, String> run : running.entrySet()) {
                    p.setString(1, lastHeardOf(run.getKey()).toString());
                    p.setLong(2, run.getKey());
                    p.setString(3, run.getValue());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * When an interrupted run was last heard of: its start plus the elapsed time of its last stored step or epoch, or its
     * last checkpoint if that came later; its start if it stored neither. Not the moment its death was noticed (the
     * next opening of the project, maybe days later), which the Runs window would show as how long it ran.
     */
    private Instant lastHeardOf(long runId) throws SQLException {
        Instant started;
        try (PreparedStatement p = connection.prepareStatement("SELECT started_at FROM runs WHERE id = ?")) {
            p.setLong(1, runId);
            try (ResultSet r = p.executeQuery()) {
                started = r.next() ? instant(r.getString(1)).orElse(Instant.now()) : Instant.now();
            }
        }
        Instant last = started;
        // Steps are stored in the order they ran: the newest row with a time is the last step (the index by run
        // finds it without reading the run's other rows, which may be millions).
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT seconds FROM metrics WHERE run_id = ? AND seconds IS NOT NULL ORDER BY rowid DESC LIMIT 1")) {
            p.setLong(1, runId);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    last = started.plusMillis(Math.round(r.getDouble(1) * 1000));
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT created_at FROM checkpoints WHERE run_id = ? ORDER BY id DESC LIMIT 1")) {
            p.setLong(1, runId);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    Instant saved = instant(r.getString(1)).orElse(last);
                    last = saved.isAfter(last) ? saved : last;
                }
            }
        }
        return last;
    }

    /** A stored time, or empty when it is not one this store wrote (a file edited by hand must still open). */
    private static java.util.Optional<Instant> instant(String stored) {
        try {
            return java.util.Optional.of(Instant.parse(stored));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
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
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file.toUri().toASCIIString());
            try (Statement s = c.createStatement()) {
                ProjectFileCheck.harden(s);
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ProjectFileException(file + " cannot be opened for writing (" + SqliteErrors.sentence(e) + ").", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The failure to open is what the caller must hear about.
            }
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

    /** The project-table key of the canvas view the user left by hand ({@link SavedView}). */
    private static final String VIEW_KEY = "view";

    /**
     * The project-table key of the view of the block at {@code blockPath} (block ids from the network down; empty for
     * the network's own canvas, whose key older versions wrote): {@code view:block_1/block_2}.
     */
    static String viewKey(java.util.List<String> blockPath) {
        return blockPath.isEmpty() ? VIEW_KEY : VIEW_KEY + ":" + String.join("/", blockPath);
    }

    /** The canvas view the user left by hand, or empty (none kept, or not readable): the canvas then fits the graph. */
    public synchronized Optional<SavedView> loadView() {
        return loadView(java.util.List.of());
    }

    /**
     * The view the user left by hand on the canvas of the block at {@code blockPath} (empty path: the network's), or
     * empty: that canvas then fits its graph. A file written before blocks kept views has none.
     */
    public synchronized Optional<SavedView> loadView(java.util.List<String> blockPath) {
        String key = viewKey(blockPath);
        return SavedView.parse(read("read the canvas view", () -> projectValue(key)));
    }

    /** Keeps the canvas view the user left by hand; empty forgets it (the view is the fit again). */
    public synchronized void saveView(Optional<SavedView> view) {
        saveView(java.util.List.of(), view);
    }

    /** Keeps the view left by hand on the canvas of the block at {@code blockPath} (empty path: the network's). */
    public synchronized void saveView(java.util.List<String> blockPath, Optional<SavedView> view) {
        String key = viewKey(blockPath);
        write("save the canvas view", () -> {
            if (view.isPresent()) {
                putProjectValue(key, view.get().text());
            } else {
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM project WHERE key = ?")) {
                    p.setString(1, key);
                    p.executeUpdate();
                }
            }
            return null;
        });
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
            forgetViewsOfGoneBlocks(graph);
            return null;
        });
    }

    /** Drops the kept views of blocks {@code graph} no longer has (see {@link SavedView#blockPaths}). */
    private void forgetViewsOfGoneBlocks(Graph graph) throws SQLException {
        Set<String> kept = new HashSet<>();
        for (java.util.List<String> path : SavedView.blockPaths(graph)) {
            kept.add(viewKey(path));
        }
        List<String> gone = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT key FROM project WHERE key LIKE ?")) {
            p.setString(1, VIEW_KEY + ":%");
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (!kept.contains(r.getString(1))) {
                        gone.add(r.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM project WHERE key = ?")) {
            for (String key : gone) {
                p.setString(1, key);
                p.executeUpdate();
            }
        }
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
                    "INSERT INTO runs (graph_id, started_at, status, device, settings_json, owner)"
                            + " VALUES (?, ?, 'running', ?, ?, ?)")) {
                p.setLong(1, MAIN_GRAPH);
                p.setString(2, now);
                p.setString(3, device);
                p.setString(4, settingsJson);
                p.setString(5, ProcessOwner.current().text());
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
            packSteps(runId, points);
            return null;
        });
    }

    /**
     * The one key written at every step, the training loss: schema 4 keeps its points packed as well ({@link StepBlock}),
     * the one curve a window reads whole, and indexes every other key's rows ({@code metrics_per_epoch}).
     */
    private static final String PER_STEP_KEY = "train/loss";

    /** Writes {@code points}' training losses as one block, in the same transaction as their rows. */
    private void packSteps(long runId, List<MetricPoint> points) throws SQLException {
        List<MetricPoint> losses = points.stream().filter(m -> m.key().equals(PER_STEP_KEY)).toList();
        if (losses.isEmpty()) {
            return;
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO step_blocks (run_id, key, points, data) VALUES (?, ?, ?, ?)")) {
            p.setLong(1, runId);
            p.setString(2, PER_STEP_KEY);
            p.setInt(3, losses.size());
            p.setBytes(4, StepBlock.pack(losses));
            p.executeUpdate();
        }
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

    /**
     * Every run, oldest first. A run recorded as running whose process has died reads as {@link #INTERRUPTED}
     * even where the file is not changed (opened read-only, or the process died after it was opened), so no run
     * shows as running for ever.
     */
    public synchronized List<RunRecord> runs() {
        // Files of schema 1 have no owner column: their running runs are all interrupted, as open() marks them.
        String owner = userVersion() >= 2 ? "owner" : "NULL";
        return read("read the runs", () -> {
            List<RunRecord> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, status, device, started_at, ended_at, settings_json, final_json, " + owner
                            + " FROM runs ORDER BY id")) {
                while (r.next()) {
                    String status = r.getString(2);
                    if ("running".equals(status) && !ownerAlive(r.getString(8))) {
                        status = INTERRUPTED;
                    }
                    out.add(new RunRecord(r.getLong(1), status, r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7)));
                }
            }
            return out;
        });
    }

    private static boolean ownerAlive(String owner) {
        return ProcessOwner.parse(owner).map(ProcessOwner::isAlive).orElse(false);
    }

    /**
     * Deletes a run with its metrics and checkpoints, in one transaction; refuses, in a sentence, a run that is
     * still running in a live process, and an id that names no run.
     */
    public synchronized void deleteRun(long runId) {
        write("delete run " + runId, () -> {
            String status;
            String owner;
            try (PreparedStatement p = connection.prepareStatement("SELECT status, owner FROM runs WHERE id = ?")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new ProjectFileException("There is no run " + runId + " in " + file + ".");
                    }
                    status = r.getString(1);
                    owner = r.getString(2);
                }
            }
            if ("running".equals(status) && ownerAlive(owner)) {
                throw new ProjectFileException("Run " + runId + " in " + file + " is still running (process "
                        + ProcessOwner.parse(owner).map(ProcessOwner::pid).orElse(0L) + "); stop it before deleting it.");
            }
            for (String table : List.of("metrics", "step_blocks", "checkpoints")) {
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    p.setLong(1, runId);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                p.setLong(1, runId);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** How many checkpoints a run has kept. */
    public synchronized int checkpointCount(long runId) {
        return read("count the checkpoints", () -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT COUNT(*) FROM checkpoints WHERE run_id = ?")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    /** A run's metric points in the order they were appended. */
    public synchronized List<MetricPoint> metrics(long runId) {
        return read("read the metrics", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT step, epoch, key, value, seconds FROM metrics WHERE run_id = ? ORDER BY rowid")) {
                p.setLong(1, runId);
                return points(p);
            }
        });
    }

    /**
     * One point per epoch for each of {@code keys}: the mean of the run's finite values of that key in that epoch
     * (step and seconds of its last point). An overview of runs reads these instead of every step: a run of a
     * million steps is summed by SQLite rather than turned into a million objects on the UI thread.
     */
    public synchronized List<MetricPoint> epochMeans(long runId, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        return read("read the metrics", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT MAX(step), epoch, key, AVG(value), MAX(seconds) FROM metrics WHERE run_id = ? AND key IN ("
                            + marks + ") GROUP BY epoch, key HAVING COUNT(value) > 0 ORDER BY epoch, key")) {
                p.setLong(1, runId);
                for (int i = 0; i < keys.size(); i++) {
                    p.setString(i + 2, keys.get(i));
                }
                return points(p);
            }
        });
    }

    /**
     * A run's metric points whose key starts with one of {@code keyPrefixes} (say {@code train/} and {@code validate/}),
     * in the order written: reading only what a view draws, when a long run also holds per-step learning rates and
     * gradient norms.
     */
    public synchronized List<MetricPoint> metrics(long runId, List<String> keyPrefixes) {
        return metrics(runId, keyPrefixes, null);
    }

    /**
     * As {@link #metrics(long, List)} without the points of key {@code leaveOut} (none left out when null): a reopened
     * run reads its per-step loss with {@link #steps} and everything else here.
     */
    public synchronized List<MetricPoint> metrics(long runId, List<String> keyPrefixes, String leaveOut) {
        if (keyPrefixes.isEmpty()) {
            return List.of();
        }
        return read("read the metrics", () -> {
            boolean named = PER_STEP_KEY.equals(leaveOut);
            try (PreparedStatement p = connection.prepareStatement(metricsSql(keyPrefixes.size(), leaveOut))) {
                int i = 1;
                p.setLong(i++, runId);
                if (leaveOut != null && !named) {
                    p.setString(i++, leaveOut);
                }
                for (String prefix : keyPrefixes) {
                    p.setInt(i++, prefix.length());
                    p.setString(i++, prefix);
                }
                return points(p);
            }
        });
    }

    /**
     * The query of {@link #metrics(long, List, String)}: run id, then the key left out unless it is the per-step loss,
     * then each prefix's length and text. The per-step loss left out is named in the text, not bound: SQLite then
     * reads the rows through schema 4's index of the other rows ({@code metrics_per_epoch}), which it can use only when
     * the query says what the index says, instead of visiting a million loss rows.
     */
    static String metricsSql(int prefixes, String leaveOut) {
        String which = String.join(" OR ", java.util.Collections.nCopies(prefixes, "substr(key, 1, ?) = ?"));
        String without = leaveOut == null ? "" : PER_STEP_KEY.equals(leaveOut)
                ? " AND key <> '" + PER_STEP_KEY + "'" : " AND key <> ?";
        return "SELECT step, epoch, key, value, seconds FROM metrics WHERE run_id = ?" + without + " AND (" + which
                + ") ORDER BY rowid";
    }

    /**
     * A run's points of one key (every step's {@code train/loss}) as columns, in the order written: four numbers a
     * row instead of an object with its key's text, so a million steps read in a fraction of a second.
     */
    public synchronized StepSeries steps(long runId, String key) {
        return steps(runId, key, true);
    }

    /**
     * As {@link #steps} without each step's seconds (NaN): what a window draws of a run, every step's loss against its
     * step. A column less is a fifth less time for a million steps (0.52-0.54 s instead of 0.66-0.73 s, the JVM's
     * first read with the JIT's quick tier, as the window runs); no view shows a single step's time.
     */
    public synchronized StepSeries curve(long runId, String key) {
        return steps(runId, key, false);
    }

    private StepSeries steps(long runId, String key, boolean withSeconds) {
        return read("read the metrics", () -> {
            if (!withSeconds && PER_STEP_KEY.equals(key)) {
                Optional<StepSeries> packed = packedSteps(runId, key);
                if (packed.isPresent()) {
                    return packed.get();
                }
            }
            try (PreparedStatement p = connection.prepareStatement("SELECT step, epoch, value"
                    + (withSeconds ? ", seconds" : "") + " FROM metrics WHERE run_id = ? AND key = ? ORDER BY rowid")) {
                p.setLong(1, runId);
                p.setString(2, key);
                StepSeries.Builder b = new StepSeries.Builder(key);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        b.add(r.getLong(1), r.getInt(2), real(r, 3), withSeconds ? real(r, 4) : Double.NaN);
                    }
                }
                return b.build();
            }
        });
    }

    /**
     * Run {@code runId}'s points of {@code key} from their packed blocks, in the order written; empty when the run has
     * none (written before schema 4, or by a file not yet updated: a read-ahead does not update it) or when a block
     * cannot be read, and the rows are read instead: they hold the same points.
     */
    private Optional<StepSeries> packedSteps(long runId, String key) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'step_blocks'")) {
            if (!r.next()) {
                return Optional.empty();
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT data FROM step_blocks WHERE run_id = ? AND key = ? ORDER BY rowid")) {
            p.setLong(1, runId);
            p.setString(2, key);
            StepSeries.Builder b = new StepSeries.Builder(key);
            boolean any = false;
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    StepBlock.unpack(r.getBytes(1), b);
                    any = true;
                }
            } catch (IllegalArgumentException damaged) {
                return Optional.empty();
            }
            return any ? Optional.of(b.build()) : Optional.empty();
        }
    }

    /** The metric points a query selects as (step, epoch, key, value, seconds), in its order. */
    private static List<MetricPoint> points(PreparedStatement p) throws SQLException {
        List<MetricPoint> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new MetricPoint(r.getLong(1), r.getInt(2), r.getString(3), real(r, 4), real(r, 5)));
            }
        }
        return out;
    }

    /** SQLite stores NaN as NULL; give it back as NaN so a diverged loss reads as it was written. */
    private static double real(ResultSet r, int column) throws SQLException {
        double d = r.getDouble(column);
        // NULL reads as 0.0; asking wasNull only then saves a call into SQLite per value of a million-row read.
        return d == 0.0 && r.wasNull() ? Double.NaN : d;
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

    /**
     * Keeps a data set's bytes inside the project under its content hash (a second call with the same hash replaces
     * the name and keeps one copy). The bytes are opaque here (the runner packs a source's files into them).
     */
    public synchronized void saveEmbeddedData(String hash, String name, byte[] bytes) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        String now = Instant.now().toString();
        write("keep the data inside the project", () -> {
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO embedded_data (hash, name, added_at,"
                    + " bytes) VALUES (?, ?, ?, ?) ON CONFLICT(hash) DO UPDATE SET name = excluded.name")) {
                p.setString(1, hash);
                p.setString(2, name);
                p.setString(3, now);
                p.setBytes(4, bytes);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The bytes of the data set kept under {@code hash}; empty when the project keeps none (or predates schema 3). */
    public synchronized Optional<byte[]> embeddedData(String hash) {
        if (userVersion() < 3) {
            return Optional.empty();
        }
        return read("read the data kept inside the project", () -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT bytes FROM embedded_data WHERE hash = ?")) {
                p.setString(1, hash);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** The data sets kept inside the project, oldest first (their bytes are read with {@link #embeddedData}). */
    public synchronized List<EmbeddedRecord> embeddedDataList() {
        if (userVersion() < 3) {
            return List.of();
        }
        return read("list the data kept inside the project", () -> {
            List<EmbeddedRecord> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT hash, name, added_at, length(bytes) FROM embedded_data ORDER BY added_at, hash")) {
                while (r.next()) {
                    out.add(new EmbeddedRecord(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
            return out;
        });
    }

    /** Drops the data set kept under {@code hash}; true when there was one. */
    public synchronized boolean deleteEmbeddedData(String hash) {
        return write("drop the data kept inside the project", () -> {
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM embedded_data WHERE hash = ?")) {
                p.setString(1, hash);
                return p.executeUpdate() > 0;
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
        if (editorClaim != null) {
            releaseEditing();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ProjectFileException("Could not close " + file + " (SQLite says: " + SqliteErrors.plain(e) + ").", e);
        } finally {
            if (openHere != null) {
                OpenInThisProcess.remove(openHere);
            }
        }
    }

    /** Removes this window's editing mark, if it is still ours; a failure only leaves a mark the next window takes over. */
    private void releaseEditing() {
        String mine = editorClaim;
        editorClaim = null;
        try {
            write("clear the editing mark", () -> {
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM project WHERE key = ? AND value = ?")) {
                    p.setString(1, EDITOR_KEY);
                    p.setString(2, mine);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (ProjectFileException ignored) {
            // The mark names this process, which is about to let go of the file; the next window takes it over.
        }
    }

    /**
     * Writes a copy of the project (graph, settings, runs, checkpoints) to {@code target}, replacing it, with
     * SQLite's {@code VACUUM INTO}: it reads one consistent snapshot, includes what is still in the write-ahead
     * log, and is safe while a training run or a reader has the project open, which a plain file copy is not.
     * The copy is made under a temporary name and renamed into place, so {@code target} is either as it was or
     * the whole copy. In the copy, runs that were still running are marked {@link #INTERRUPTED} (nothing will
     * finish them there) and this window's editing mark is removed.
     */
    public synchronized void saveCopyAs(Path target) {
        Path copy = target.toAbsolutePath();
        if (copy.equals(file)) {
            throw new ProjectFileException(copy + " is this project's own file; choose another name for the copy.");
        }
        if (Files.isDirectory(copy)) {
            throw new ProjectFileException(copy + " is a folder; choose a file name for the copy.");
        }
        if (copy.getParent() == null || !Files.isDirectory(copy.getParent())) {
            throw new ProjectFileException("The folder of " + copy + " does not exist.");
        }
        requireNoSideFiles(copy, " is beside that name, so the file is open in another program or was not"
                + " closed cleanly; choose another name.");
        Path temp = AtomicFiles.temporarySibling(copy, "copying");
        try {
            read("copy the project to " + copy, () -> {
                try (PreparedStatement p = connection.prepareStatement("VACUUM INTO ?")) {
                    p.setString(1, temp.toString());
                    p.execute();
                }
                return null;
            });
            String now = Instant.now().toString();
            try (ProjectStore c = new ProjectStore(copy, connect(temp, false), false)) {
                c.migrate();
                c.write("prepare the copy", () -> {
                    try (PreparedStatement p = c.connection.prepareStatement("UPDATE runs SET status = '"
                            + INTERRUPTED + "', ended_at = ? WHERE status = 'running'")) {
                        p.setString(1, now);
                        p.executeUpdate();
                    }
                    try (PreparedStatement p = c.connection.prepareStatement("DELETE FROM project WHERE key = ?")) {
                        p.setString(1, EDITOR_KEY);
                        p.executeUpdate();
                    }
                    return null;
                });
            }
            AtomicFiles.replace(temp, copy);
        } finally {
            AtomicFiles.deleteOwn(temp);
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
        if (readOnly) {
            throw new IllegalStateException("Cannot " + what + ": " + file + " was opened read-only.");
        }
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
        if (SqliteErrors.isBusy(e)) {
            return new ProjectFileException("Could not " + what + " in " + file + ": another program has kept it locked"
                    + " for more than " + BUSY_TIMEOUT_MS / 1000 + " seconds; close that program or wait, then try again.", e);
        }
        return new ProjectFileException("Could not " + what + " in " + file + " (" + SqliteErrors.sentence(e) + ").", e);
    }

    /** The inner message without its full stop, to be wrapped in parentheses inside our one sentence. */
    private static String withoutFullStop(RuntimeException e) {
        String m = e.getMessage();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
