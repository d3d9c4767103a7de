package org.netwright.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project files this process has open through SQLite, so that nothing here reads them with plain file I/O
 * meanwhile. Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included
 * (https://www.sqlite.org/howtocorrupt.html, section 2.2): the window's connection then no longer holds its shared
 * lock, a training child that closes last folds the write-ahead log back and deletes it, and the window keeps reading
 * (and writing) the deleted log, never seeing the child's later writes. Files are told apart by the file system's key
 * (device and inode), so a second name for the same file counts as the same file.
 */
final class OpenInThisProcess {
    private static final Map<Object, Integer> OPEN = new HashMap<>();

    private OpenInThisProcess() {
    }

    /**
     * Notes that a connection to {@code file} is about to open; returns the key to hand to {@link #remove} when it
     * closes. Taken before connecting, so that a header read of the same file cannot be under way meanwhile.
     */
    static synchronized Object add(Path file) {
        Object key = key(file);
        OPEN.merge(key, 1, Integer::sum);
        return key;
    }

    /** Notes that a connection noted by {@link #add} has closed (or never opened). */
    static synchronized void remove(Object key) {
        OPEN.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * The file's header read with plain I/O, or empty when this process has the file open through SQLite already
     * (it was checked when first opened, and reading it now would drop that connection's locks).
     */
    static synchronized Optional<SqliteHeader> headerUnlessOpen(Path file) throws IOException {
        if (OPEN.containsKey(key(file))) {
            return Optional.empty();
        }
        return Optional.of(SqliteHeader.read(file));
    }

    private static Object key(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            // Not there (any more): SQLite's own open will say so; the absolute name is the best key left.
            return file.toAbsolutePath().normalize();
        }
    }
}
