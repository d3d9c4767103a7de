package org.netwright.model.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Making a project file appear whole or not at all: it is written under a temporary name in the same folder
 * (so that a rename cannot cross file systems), flushed to disk, then given its name. Only files this process
 * made under such a name are ever deleted; another process may be writing any other.
 */
final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** A number no other process will pick, for temporary names and marks. */
    static long randomToken() {
        return RANDOM.nextLong() & Long.MAX_VALUE;
    }

    /** A fresh hidden name beside {@code file}, e.g. {@code .a.nwproj.creating-4711-3f2a.tmp}; nothing is made yet. */
    static Path temporarySibling(Path file, String what) {
        return file.resolveSibling("." + file.getFileName() + "." + what + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(randomToken()) + ".tmp");
    }

    /**
     * Gives the finished temporary file {@code target}'s name only if that name is free: a hard link fails when
     * the name exists, in one step, where checking first and renaming after would let two processes both win.
     * Where the file system has no hard links, a rename that refuses an existing target is the fallback.
     */
    static void publish(Path temp, Path target) {
        force(temp);
        try {
            Files.createLink(target, temp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw new ProjectFileException(target + " already exists; choose another name or open it.", e);
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links here (FAT, some network shares): fall back to a rename below.
        }
        try {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new ProjectFileException(target + " already exists; choose another name or open it.", e);
        } catch (IOException e) {
            throw new ProjectFileException(target + " could not be written (" + e.getMessage() + ").", e);
        }
    }

    /** Puts the finished temporary file in {@code target}'s place in one rename, replacing what was there. */
    static void replace(Path temp, Path target) {
        force(temp);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProjectFileException(target + " could not be written (" + e.getMessage() + ").", e);
        }
    }

    /** Deletes a temporary file of ours and any SQLite side file of it; best effort, after success or failure. */
    static void deleteOwn(Path temp) {
        try {
            Files.deleteIfExists(temp);
            for (String suffix : ProjectFileCheck.SIDE_FILE_SUFFIXES) {
                Files.deleteIfExists(ProjectFileCheck.sibling(temp, suffix));
            }
        } catch (IOException ignored) {
            // A stray hidden temporary file is untidy but harms no project.
        }
    }

    /** Flushes the file's bytes to disk, so that after the rename a power cut cannot leave a named but empty file. */
    private static void force(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (IOException e) {
            throw new ProjectFileException(file + " could not be written to disk (" + e.getMessage() + ").", e);
        }
    }
}
