package org.netwright.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The fields of a SQLite file's 100-byte header that tell, without SQLite touching the file, whether it is a
 * database at all and whether it has been cut short (see https://www.sqlite.org/fileformat.html).
 */
record SqliteHeader(boolean hasMagic, int pageSize, long headerPageCount) {
    static final int SIZE = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Reads the header with plain file I/O; a file shorter than the magic has no magic. */
    static SqliteHeader read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SIZE);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new SqliteHeader(false, 0, 0);
        }
        if (bytes.length < SIZE) {
            return new SqliteHeader(true, 0, 0);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int raw = Short.toUnsignedInt(b.getShort(16));
        int pageSize = raw == 1 ? 65536 : raw;
        long changeCounter = Integer.toUnsignedLong(b.getInt(24));
        long pages = Integer.toUnsignedLong(b.getInt(28));
        long validFor = Integer.toUnsignedLong(b.getInt(92));
        // The page count in the header is only trustworthy when it was written by a SQLite that keeps it
        // (version-valid-for equals the change counter); otherwise SQLite itself works from the file size.
        return new SqliteHeader(true, pageSize, validFor == changeCounter ? pages : 0);
    }

    /** A power of two from 512 to 65536, as the file format requires. */
    boolean hasValidPageSize() {
        return pageSize >= 512 && pageSize <= 65536 && Integer.bitCount(pageSize) == 1;
    }
}
