package org.netwright.runner.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.netwright.runner.compile.GraphBlock;

/**
 * Trained weights keyed by our node id and DJL's parameter name, in our own binary format:
 * magic {@code NWCK}, version, count, then per tensor node id, parameter name (UTF), rank, dims
 * (long), the value count and the float32 values (big-endian), and from version 2 on a CRC32 of
 * that tensor's bytes, so that a changed bit in stored weights is found and named when loaded
 * instead of training on from silently wrong values. Keying by node id (not DJL's positional
 * names) lets weights survive graph edits elsewhere in the graph. Version 1 (no checksums) is
 * still read.
 */
public final class Checkpoints {
    static final int MAGIC = 0x4E57434B;
    static final int VERSION = 2;
    private static final long MAX_VALUES = Integer.MAX_VALUE / 4;

    private Checkpoints() {
    }

    /** The current weights of every node of an initialized block. */
    public static byte[] save(GraphBlock block) {
        List<Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
            for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                NDArray array = p.getValue().getArray();
                tensors.add(new Tensor(node.getKey(), p.getKey(), array.getShape().getShape(), array.toFloatArray()));
            }
        }
        return write(tensors);
    }

    /** Serializes tensors in the checkpoint format. */
    public static byte[] write(List<Tensor> tensors) {
        // Sized exactly and filled in place: a VGG-16 (553 MB of weights) once took a doubling buffer, its copy and a
        // whole-tensor byte buffer besides, over 2 GB at the peak, and a test JVM ran out of heap.
        ExactBytes bytes = new ExactBytes(size(tensors));
        CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32());
        try (DataOutputStream out = new DataOutputStream(checked)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES);
            for (Tensor t : tensors) {
                checked.getChecksum().reset();
                out.writeUTF(t.nodeId());
                out.writeUTF(t.paramName());
                long[] shape = t.shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                float[] values = t.values();
                out.writeInt(values.length);
                for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
                    int n = Math.min(CHUNK_FLOATS, values.length - from);
                    chunk.clear();
                    chunk.asFloatBuffer().put(values, from, n);
                    out.write(chunk.array(), 0, n * Float.BYTES);
                }
                out.writeInt((int) checked.getChecksum().getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.result();
    }

    /** Floats written per chunk (big-endian, as a whole-tensor buffer wrote them). */
    private static final int CHUNK_FLOATS = 16_384;

    /** The bytes {@link #write} gives for {@code tensors}. */
    private static int size(List<Tensor> tensors) {
        long size = 3L * Integer.BYTES;
        for (Tensor t : tensors) {
            size += utfLength(t.nodeId()) + utfLength(t.paramName()) + Integer.BYTES
                    + (long) t.shape().length * Long.BYTES + Integer.BYTES + (long) t.values().length * Float.BYTES
                    + Integer.BYTES;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("The weights take " + size + " bytes; a checkpoint holds at most 2 GB.");
        }
        return (int) size;
    }

    /** What {@link DataOutputStream#writeUTF} writes for {@code s}: its two length bytes and modified UTF-8. */
    private static long utfLength(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return n;
    }

    /** A byte array of a known size, filled by writes and handed over whole (no copy when it is full). */
    private static final class ExactBytes extends java.io.OutputStream {
        private final byte[] buf;
        private int count;

        ExactBytes(int size) {
            this.buf = new byte[size];
        }

        @Override
        public void write(int b) {
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] result() {
            return count == buf.length ? buf : java.util.Arrays.copyOf(buf, count);
        }
    }

    /** Reads every tensor of a checkpoint (or of a {@link RunState}'s weights), in saved order. */
    public static List<Tensor> read(byte[] data) {
        data = RunState.weightsOf(data);
        ByteArrayInputStream source = new ByteArrayInputStream(data);
        CheckedInputStream checked = new CheckedInputStream(source, new CRC32());
        try (DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC) {
                throw new CheckpointFormatException("This is not a Netwright checkpoint (wrong magic number).");
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new CheckpointFormatException("Checkpoint version " + version + " is not supported (this version"
                        + " reads 1 to " + VERSION + ").");
            }
            int count = in.readInt();
            List<Tensor> tensors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                checked.getChecksum().reset();
                String node = in.readUTF();
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new CheckpointFormatException("Damaged checkpoint: " + node + "." + name + " has rank " + rank);
                }
                long[] shape = new long[rank];
                long expected = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                    expected *= shape[d];
                }
                int n = in.readInt();
                if (n != expected || n < 0 || n > MAX_VALUES) {
                    throw new CheckpointFormatException("Damaged checkpoint: " + node + "." + name + " has " + n
                            + " values for shape " + Arrays.toString(shape));
                }
                if ((long) n * Float.BYTES > source.available()) {
                    throw new CheckpointFormatException("The checkpoint is cut short.");
                }
                byte[] raw = new byte[n * Float.BYTES];
                in.readFully(raw);
                if (version >= 2) {
                    int expectedCrc = (int) checked.getChecksum().getValue();
                    if (in.readInt() != expectedCrc) {
                        throw new CheckpointFormatException("Damaged checkpoint: the stored weights of node '" + node
                                + "' (" + name + ") fail their checksum; they changed after they were saved.");
                    }
                }
                float[] values = new float[n];
                ByteBuffer.wrap(raw).asFloatBuffer().get(values);
                tensors.add(new Tensor(node, name, shape, values));
            }
            return tensors;
        } catch (EOFException e) {
            throw new CheckpointFormatException("The checkpoint is cut short.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies saved weights into an initialized block, node by node: a node loads only when every one of
     * its parameters is in the checkpoint with the same shape, so a layer whose size changed starts fresh.
     */
    public static LoadReport load(GraphBlock block, byte[] data) {
        Map<String, Map<String, Tensor>> saved = new LinkedHashMap<>();
        for (Tensor t : read(data)) {
            saved.computeIfAbsent(t.nodeId(), k -> new LinkedHashMap<>()).put(t.paramName(), t);
        }
        List<String> loaded = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
            String id = node.getKey();
            Map<String, Tensor> mine = saved.get(id);
            String why = mine == null ? "not in the checkpoint" : mismatch(node.getValue(), mine);
            if (why != null) {
                skipped.put(id, why);
                continue;
            }
            for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                p.getValue().getArray().set(mine.get(p.getKey()).values());
            }
            loaded.add(id);
        }
        return new LoadReport(loaded, skipped);
    }

    /** Why a node's saved tensors do not fit its block, or null when they all do. */
    private static String mismatch(Block block, Map<String, Tensor> saved) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Tensor t = saved.get(p.getKey());
            long[] now = p.getValue().getArray().getShape().getShape();
            if (t == null) {
                return "the checkpoint has no " + p.getKey();
            }
            if (!t.sameShape(now)) {
                return p.getKey() + " changed shape from " + Arrays.toString(t.shape()) + " to " + Arrays.toString(now);
            }
        }
        if (saved.size() != block.getParameters().size()) {
            return "the checkpoint has other parameters " + saved.keySet();
        }
        return null;
    }
}
