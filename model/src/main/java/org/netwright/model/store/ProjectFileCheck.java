package org.netwright.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.json.SettingsJson;
import org.sqlite.SQLiteConfig;

/**
 * Decides whether a file may be opened as a project before anything may write to it, and leaves a refused
 * file and its folder exactly as they were: plain file I/O first, then SQLite read-only.
 */
final class ProjectFileCheck {
    /** Files SQLite keeps next to a database; a refused file must not gain any of them. */
    static final List<String> SIDE_FILE_SUFFIXES = List.of("-wal", "-shm", "-journal");

    private static final int BUSY_TIMEOUT_MS = 5000;

    private ProjectFileCheck() {
    }

    /** Returns when {@code file} is a Netwright project this build can open; otherwise throws saying why. */
    static void verify(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ProjectFileException(name + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ProjectFileException(name + " is not a Netwright project (it is not a file).");
        }
        Optional<SqliteHeader> header;
        long length;
        try {
            length = Files.size(file);
            header = OpenInThisProcess.headerUnlessOpen(file);
        } catch (IOException e) {
            throw new ProjectFileException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
        boolean walPresent = Files.exists(sibling(file, "-wal"));
        // A file this process has open through SQLite passed these checks when it was opened; SQLite judges it now.
        if (header.isPresent()) {
            checkHeader(name, header.get(), length, walPresent);
        }
        Set<Path> sideFilesBefore = existingSideFiles(file);
        Object open = OpenInThisProcess.add(file);
        try {
            inspect(file, walPresent);
        } catch (ProjectFileException e) {
            removeSideFilesCreatedSince(file, sideFilesBefore);
            throw e;
        } finally {
            OpenInThisProcess.remove(open);
        }
    }

    private static void checkHeader(String name, SqliteHeader header, long length, boolean walPresent) {
        if (!header.hasMagic()) {
            throw new ProjectFileException(name + " is not a Netwright project (it is not a SQLite database).");
        }
        if (!header.hasValidPageSize()) {
            throw new ProjectFileException(name + " is damaged (its SQLite header is cut short or garbled).");
        }
        int page = header.pageSize();
        if (length < page || length % page != 0) {
            throw new ProjectFileException(name + " is damaged (its size, " + length + " bytes, is not a whole number of "
                    + page + "-byte pages; it may have been cut short).");
        }
        // With a write-ahead log present the header may lag behind the log, so only SQLite can judge the size.
        if (!walPresent && header.headerPageCount() > length / page) {
            throw new ProjectFileException(name + " is damaged (it holds " + length / page + " of the "
                    + header.headerPageCount() + " pages its header lists; it may have been cut short).");
        }
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * Asks SQLite, read-only. Without a write-ahead log we open with {@code immutable=1}: SQLite then takes no
     * locks and creates no -wal/-shm files, which a plain read-only open of a WAL database does and leaves
     * behind. With a log present (another process has the project open, or one was killed) SQLite must read
     * the log too, so we open read-only normally; the -wal and -shm files are there already.
     */
    private static void inspect(Path file, boolean walPresent) {
        String name = file.toString();
        try (Connection c = readOnly(file, walPresent); Statement s = c.createStatement()) {
            harden(s);
            int applicationId = intPragma(s, "application_id");
            int version = intPragma(s, "user_version");
            if (applicationId != Schema.APPLICATION_ID) {
                throw new ProjectFileException(name
                        + " is not a Netwright project (it is a SQLite database, but not one Netwright made).");
            }
            if (version > Schema.version()) {
                throw new ProjectFileException(name + " was made by a newer Netwright (schema " + version
                        + "); this version reads up to " + Schema.version() + ".");
            }
            if (version < 0) {
                throw new ProjectFileException(name + " is damaged (its schema version, " + version
                        + ", is not one Netwright writes).");
            }
            if (version == 0) {
                throw new ProjectFileException(name
                        + " is not a Netwright project (it is marked as one, but its creation never finished).");
            }
            Set<String> missing = new TreeSet<>(Schema.REQUIRED_TABLES);
            missing.removeAll(tables(s));
            if (!missing.isEmpty()) {
                throw new ProjectFileException(name + " is damaged (its table" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " missing).");
            }
            checkObjects(name, Schema.objects(version), Schema.objects(c));
            List<String> findings = quickCheck(s);
            if (!findings.equals(List.of("ok"))) {
                int more = findings.size() - 1;
                throw new ProjectFileException(name + " is damaged (SQLite's check found: " + findings.get(0)
                        + (more == 0 ? "" : more == 1 ? ", and 1 more problem" : ", and " + more + " more problems") + ").");
            }
            checkContents(name, s);
        } catch (SQLException e) {
            throw new ProjectFileException(name + " is damaged (SQLite cannot read it: " + SqliteErrors.plain(e) + ").", e);
        }
    }

    /**
     * Settings for every connection to a file from elsewhere: SQL stored in the file (defaults, checks,
     * triggers, views) may call only harmless functions, and every page read is checked for sane cell sizes.
     */
    static void harden(Statement s) throws SQLException {
        s.execute("PRAGMA trusted_schema = OFF");
        s.execute("PRAGMA cell_size_check = ON");
    }

    /**
     * Refuses a file whose tables, indexes, triggers or views are not exactly the ones the migrations make: SQL
     * the file brings (a trigger that deletes the graph or fills the disk, a view, a virtual table, a changed
     * column) must never run, and nothing may be opened for writing that this version does not understand.
     */
    private static void checkObjects(String name, Map<String, String> expected, Map<String, String> actual) {
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                String[] typeAndName = e.getKey().split(" ", 2);
                throw new ProjectFileException(name + " was changed outside Netwright and is refused (it holds "
                        + (typeAndName[0].equals("index") ? "an " : "a ") + typeAndName[0] + " named '" + typeAndName[1] + "', which Netwright projects never have).");
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                String[] typeAndName = e.getKey().split(" ", 2);
                throw new ProjectFileException(name + " is damaged or was changed outside Netwright (its "
                        + typeAndName[0] + " " + typeAndName[1] + (actual.containsKey(e.getKey())
                        ? " is not laid out as Netwright makes it)." : " is missing)."));
            }
        }
    }

    private static Connection readOnly(Path file, boolean walPresent) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri().toASCIIString() + (walPresent ? "" : "?immutable=1");
        Connection c = config.createConnection(url);
        try (Statement s = c.createStatement()) {
            harden(s);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * A read-only connection to a file {@link #verify} accepted, opened as the check opened it: immutable when no
     * other connection has the file open, so that reading it neither writes it nor leaves -wal or -shm files.
     */
    static Connection readOnlyConnection(Path file) {
        boolean inUse = SIDE_FILE_SUFFIXES.stream().anyMatch(suffix -> Files.exists(sibling(file, suffix)));
        try {
            return readOnly(file, inUse);
        } catch (SQLException e) {
            throw new ProjectFileException(file + " cannot be opened for reading (SQLite says: " + SqliteErrors.plain(e)
                    + ").", e);
        }
    }

    /**
     * Reads the main graph and the settings as opening will, so that a project whose graph cannot be read is
     * refused here, before a connection that writes (switching the journal mode, marking runs) touches it.
     */
    private static void checkContents(String name, Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT json FROM graphs WHERE id = 1")) {
            if (!r.next() || r.getString(1) == null) {
                throw new ProjectFileException(name + " is damaged (it has no main graph).");
            }
            GraphJson.read(r.getString(1));
        } catch (GraphFormatException e) {
            throw new ProjectFileException("The graph in " + name + " cannot be read (" + withoutFullStop(e) + ").", e);
        }
        try (ResultSet r = s.executeQuery("SELECT json FROM settings WHERE graph_id = 1")) {
            if (r.next()) {
                SettingsJson.read(r.getString(1));
            }
        } catch (SettingsFormatException e) {
            throw new ProjectFileException("The training settings in " + name + " cannot be read (" + withoutFullStop(e)
                    + ").", e);
        }
    }

    private static String withoutFullStop(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static int intPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static Set<String> tables(Statement s) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /**
     * {@code quick_check} reads every page and checks the b-tree structure, skipping the slower index-content
     * checks. Its rows may hold several lines and a "*** in database main ***" banner; we return one problem a line.
     */
    private static List<String> quickCheck(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery("PRAGMA quick_check(10)")) {
            while (r.next()) {
                for (String line : r.getString(1).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("*** ")) {
                        out.add(line.trim());
                    }
                }
            }
        }
        return out.isEmpty() ? List.of("no answer") : out;
    }

    private static Set<Path> existingSideFiles(Path file) {
        Set<Path> out = new HashSet<>();
        for (String suffix : SIDE_FILE_SUFFIXES) {
            Path p = sibling(file, suffix);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Deletes -wal/-shm files our read-only look created, so that a refused file's folder stays as it was. */
    private static void removeSideFilesCreatedSince(Path file, Set<Path> before) {
        for (String suffix : SIDE_FILE_SUFFIXES) {
            Path p = sibling(file, suffix);
            if (!before.contains(p)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: the refusal itself is what the caller must hear about.
                }
            }
        }
    }
}
