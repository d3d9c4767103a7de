package org.netwright.runner.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run needs to go on exactly where it stopped, as one checkpoint: the weights (in {@link Checkpoints}'
 * format) and named parts such as the optimizer's moments, the schedule's state and the random streams, with the
 * epoch and step they belong to. Format: magic {@code NWRS}, version, epoch, step, part count, then per part its
 * name (UTF), length-prefixed bytes and their CRC32, so a flipped bit anywhere is found and named. {@link Checkpoints#read} accepts it and reads the weights, so every reader
 * of checkpoints keeps working.
 */
public record RunState(int epoch, long step, Map<String, byte[]> parts) {
    static final int MAGIC = 0x4E575253;
    private static final int VERSION = 1;
    /** The part holding the weights. */
    public static final String WEIGHTS = "weights";
    private static final int MAX_PARTS = 64;

    public RunState {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The weights, in {@link Checkpoints}' format. */
    public byte[] weights() {
        byte[] w = parts.get(WEIGHTS);
        if (w == null) {
            throw new CheckpointFormatException("The run state holds no weights.");
        }
        return w;
    }

    /** True when {@code data} is a run state rather than plain weights. */
    public static boolean isRunState(byte[] data) {
        return data != null && data.length >= 4 && ((data[0] & 0xff) << 24 | (data[1] & 0xff) << 16
                | (data[2] & 0xff) << 8 | (data[3] & 0xff)) == MAGIC;
    }

    /** The weights of a checkpoint: a run state's weights part, or the bytes themselves when they are plain weights. */
    public static byte[] weightsOf(byte[] data) {
        return isRunState(data) ? read(data).weights() : data;
    }

    private static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    public byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(epoch);
            out.writeLong(step);
            out.writeInt(parts.size());
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                out.writeUTF(p.getKey());
                out.writeInt(p.getValue().length);
                out.write(p.getValue());
                out.writeLong(crc(p.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a run state; throws {@link CheckpointFormatException} saying what is wrong. */
    public static RunState read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new CheckpointFormatException("This is not a Netwright run state (wrong magic number).");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointFormatException("Run state version " + version + " is not supported (expected "
                        + VERSION + ").");
            }
            int epoch = in.readInt();
            long step = in.readLong();
            int count = in.readInt();
            if (count < 0 || count > MAX_PARTS) {
                throw new CheckpointFormatException("Damaged run state: it claims " + count + " parts.");
            }
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int n = in.readInt();
                if (n < 0 || n > data.length) {
                    throw new CheckpointFormatException("Damaged run state: the part '" + name + "' claims " + n
                            + " bytes.");
                }
                byte[] b = new byte[n];
                in.readFully(b);
                if (in.readLong() != crc(b)) {
                    throw new CheckpointFormatException("Damaged run state: the part '" + name + "' of epoch " + epoch
                            + " does not match its checksum.");
                }
                parts.put(name, b);
            }
            return new RunState(epoch, step, parts);
        } catch (EOFException e) {
            throw new CheckpointFormatException("The run state is cut short.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
