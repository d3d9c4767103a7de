package org.netwright.runner.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy's {@code .npz} format (a zip of {@code .npy} files, format 1.0, little-endian float32), which
 * {@code numpy.load(path, allow_pickle=False)} reads: no pickle, so loading runs no code from the file.
 */
public final class Npz {
    /** One array: its shape and its values, row-major. */
    public record Array(long[] shape, float[] values) {
    }

    private Npz() {
    }

    /** Writes the arrays under their names into a new file {@code file}. */
    public static void write(Path file, Map<String, Array> arrays) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16))) {
            // Float weights barely compress; the fastest level keeps a large network's export quick.
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                writeNpy(zip, e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static void writeNpy(OutputStream out, Array a) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (long d : a.shape()) {
            shape.append(d).append(", ");
        }
        if (a.shape().length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (a.shape().length == 1) {
            shape.setLength(shape.length() - 1);
        }
        shape.append(")");
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
        // The magic, version and length take 10 bytes; the header ends in a newline and pads the total to 64.
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (h.length & 0xff), (byte) (h.length >> 8)});
        out.write(h);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : a.values()) {
            if (!buffer.hasRemaining()) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putFloat(v);
        }
        out.write(buffer.array(), 0, buffer.position());
    }
}
