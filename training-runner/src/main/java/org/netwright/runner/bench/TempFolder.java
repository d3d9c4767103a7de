package org.netwright.runner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmarks' scratch folders: made for one measurement (a project, a trace) and removed after it. */
public final class TempFolder {
    private TempFolder() {
    }

    /** A new empty folder in the system's temporary folder, its name starting with {@code prefix}. */
    public static Path make(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary folder for the benchmark", e);
        }
    }

    /** Removes {@code dir} and the files in it (it holds no folders); a folder left behind loses nothing. */
    public static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary folder left behind changes no measurement.
        }
    }
}
