package org.netwright.runner.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netwright.templates.data.DataLimits;

/**
 * The checks every data file passes before a byte of it is read: a path from a project's settings is the
 * user's, not a trusted one, and may name a folder, a device such as {@code /dev/zero}, a pipe that never
 * ends, or a file larger than memory.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** Returns the file's size when it is a regular file (after links) no larger than {@link DataLimits#maxFileBytes()}. */
    static long require(Path file) {
        if (!Files.exists(file)) {
            throw new DataFileException("There is no file " + file + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file + " is not a regular file (it is a folder, a device or a pipe);"
                    + " name a CSV or IDX data file.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataFileException("Cannot read " + file + ": " + e.getMessage());
        }
        long max = DataLimits.maxFileBytes();
        if (size > max) {
            throw new DataFileException(file + " is " + DataLimits.size(size) + "; this Java reads data files of up to "
                    + DataLimits.size(max) + ": use a smaller file, or give Java more memory (-Xmx).");
        }
        return size;
    }

    /** Refuses {@code values} floats for {@code what} when they would not fit (see {@link DataLimits}). */
    static void requireRoom(String what, double values) {
        String why = DataLimits.whyTooMany(what, values);
        if (why != null) {
            throw new DataFileException(why);
        }
    }
}
