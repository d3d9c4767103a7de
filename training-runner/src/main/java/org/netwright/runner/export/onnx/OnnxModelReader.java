package org.netwright.runner.export.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;

/**
 * Opens an ONNX file from anywhere as untrusted input: its size is checked before it is read, the protobuf is parsed
 * with a nesting limit, and a tensor's values are read only after its declared size is checked against our limits and
 * against the bytes it really holds; external data must lie inside the model's folder. Every refusal is one sentence.
 */
public final class OnnxModelReader {
    /** Protobuf cannot hold more than 2 GiB in one message. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** At most this many values in one tensor (1 GiB of float32), checked before anything is allocated. */
    static final long MAX_TENSOR_VALUES = 1L << 28;
    /** At most this many values over all tensors read from one model. */
    static final long MAX_TOTAL_VALUES = 1L << 29;
    static final int MAX_NODES = 200_000;
    static final int MAX_RANK = 8;
    private static final int RECURSION_LIMIT = 64;

    private final Path folder;
    private final String fileName;
    private long valuesRead;

    private OnnxModelReader(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        this.folder = absolute.getParent();
        this.fileName = String.valueOf(absolute.getFileName());
    }

    /** A reader for tensors of the model stored at {@code file} (external data is looked up beside it). */
    public static OnnxModelReader forFile(Path file) {
        return new OnnxModelReader(file);
    }

    /** Reads and parses {@code file}. */
    public static ModelProto read(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new OnnxImportException("there is no file " + file);
        }
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new OnnxImportException(name + " is " + size / 1_000_000 + " MB, larger than an ONNX file can be"
                        + " (2 GB); large weights belong in external data files");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OnnxImportException("cannot read " + name + ": " + e.getMessage());
        }
        return parse(bytes, name);
    }

    /** Parses ONNX bytes; {@code name} is how messages call them. */
    public static ModelProto parse(byte[] bytes, String name) {
        ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(RECURSION_LIMIT);
            model = ModelProto.parser().parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxImportException(name + " is not a valid ONNX model: its protobuf is malformed ("
                    + firstSentence(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            throw new OnnxImportException(name + " is not a valid ONNX model: its protobuf cannot be read");
        }
        if (!model.hasGraph()) {
            throw new OnnxImportException(name + " holds no graph, so it is not an ONNX model");
        }
        if (model.getGraph().getNodeCount() > MAX_NODES || model.getGraph().getInitializerCount() > MAX_NODES) {
            throw new OnnxImportException(name + " has more than " + MAX_NODES + " nodes or weights; that is not a model"
                    + " this importer takes");
        }
        boolean standard = model.getOpsetImportList().stream()
                .anyMatch(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"));
        if (!standard) {
            throw new OnnxImportException(name + " imports no standard ONNX operator set, so its operators are unknown");
        }
        return model;
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "no details";
        }
        String m = message.replaceAll("\\s+", " ").trim();
        int dot = m.indexOf(". ");
        m = dot > 0 ? m.substring(0, dot) : m;
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** The number of values {@code t} declares, checked against our limits before anything is allocated. */
    long elements(TensorProto t) {
        if (t.getDimsCount() > MAX_RANK) {
            throw new OnnxImportException("tensor '" + t.getName() + "' has " + t.getDimsCount() + " axes; at most "
                    + MAX_RANK + " are supported");
        }
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) {
                throw new OnnxImportException("tensor '" + t.getName() + "' has a negative size " + d);
            }
            if (d > 0 && n > MAX_TENSOR_VALUES / d) {
                throw new OnnxImportException("tensor '" + t.getName() + "' declares more than " + MAX_TENSOR_VALUES
                        + " values; refused before reading it");
            }
            n *= d;
        }
        if (n > MAX_TENSOR_VALUES) {
            throw new OnnxImportException("tensor '" + t.getName() + "' declares " + n + " values, more than "
                    + MAX_TENSOR_VALUES + "; refused before reading it");
        }
        if (valuesRead + n > MAX_TOTAL_VALUES) {
            throw new OnnxImportException(fileName + " declares more than " + MAX_TOTAL_VALUES
                    + " weight values in all; refused before reading them");
        }
        return n;
    }

    /** The float values of a FLOAT tensor, from its own fields or from external data inside the model's folder. */
    public float[] floats(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxImportException("tensor '" + t.getName() + "' is not float32 (ONNX type " + t.getDataType()
                    + "); only float32 weights can be imported");
        }
        int n = (int) elements(t);
        float[] out = new float[0];
        if (isExternal(t)) {
            ByteBuffer bytes = external(t, 4L * n);
            out = new float[n];
            bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } else if (t.hasRawData()) {
            if (t.getRawData().size() != 4L * n) {
                throw new OnnxImportException("tensor '" + t.getName() + "' declares " + n + " values but holds "
                        + t.getRawData().size() + " bytes");
            }
            out = new float[n];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } else {
            if (t.getFloatDataCount() != n) {
                throw new OnnxImportException("tensor '" + t.getName() + "' declares " + n + " values but holds "
                        + t.getFloatDataCount());
            }
            out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = t.getFloatData(i);
            }
        }
        valuesRead += n;
        return out;
    }

    /** The values of an INT64 tensor (shapes, axes), which must be small. */
    public long[] int64s(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.INT64_VALUE) {
            throw new OnnxImportException("tensor '" + t.getName() + "' is not int64 (ONNX type " + t.getDataType()
                    + ")");
        }
        long n = elements(t);
        if (n > 64) {
            throw new OnnxImportException("tensor '" + t.getName() + "' has " + n + " integers where a shape or axes"
                    + " list is expected");
        }
        long[] out = new long[(int) n];
        if (isExternal(t)) {
            external(t, 8L * n).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        } else if (t.hasRawData()) {
            if (t.getRawData().size() != 8L * n) {
                throw new OnnxImportException("tensor '" + t.getName() + "' declares " + n + " values but holds "
                        + t.getRawData().size() + " bytes");
            }
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        } else {
            if (t.getInt64DataCount() != n) {
                throw new OnnxImportException("tensor '" + t.getName() + "' declares " + n + " values but holds "
                        + t.getInt64DataCount());
            }
            for (int i = 0; i < n; i++) {
                out[i] = t.getInt64Data(i);
            }
        }
        return out;
    }

    private static boolean isExternal(TensorProto t) {
        return t.getDataLocation() == TensorProto.DataLocation.EXTERNAL;
    }

    /** {@code expected} bytes of external data, from a file that must lie inside the model's folder. */
    private ByteBuffer external(TensorProto t, long expected) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = number(t, e);
                case "length" -> length = number(t, e);
                default -> { }
            }
        }
        if (location == null || location.isBlank()) {
            throw new OnnxImportException("tensor '" + t.getName() + "' keeps its data outside the model but names no"
                    + " file");
        }
        Path base = folder;
        Path target;
        try {
            Path relative = Path.of(location);
            target = base.resolve(relative).normalize();
            if (relative.isAbsolute() || !target.startsWith(base)) {
                throw new OnnxImportException("tensor '" + t.getName() + "' keeps its data at '" + location
                        + "', outside the model's folder; refused");
            }
        } catch (java.nio.file.InvalidPathException e) {
            throw new OnnxImportException("tensor '" + t.getName() + "' names an impossible data file");
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // A link could point anywhere: only plain files inside the folder are read.
            throw new OnnxImportException("tensor '" + t.getName() + "' keeps its data in '" + location
                    + "', which is not a plain file in the model's folder");
        }
        if (length >= 0 && length != expected) {
            throw new OnnxImportException("tensor '" + t.getName() + "' declares " + expected + " bytes of data but"
                    + " its external data has length " + length);
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            Path real = target.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw new OnnxImportException("tensor '" + t.getName() + "' keeps its data outside the model's folder;"
                        + " refused");
            }
            if (offset > channel.size() || channel.size() - offset < expected) {
                throw new OnnxImportException("tensor '" + t.getName() + "' reads past the end of '" + location + "'");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) expected);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, offset + bytes.position()) < 0) {
                    throw new OnnxImportException("tensor '" + t.getName() + "' reads past the end of '" + location
                            + "'");
                }
            }
            bytes.flip();
            return bytes;
        } catch (IOException e) {
            throw new OnnxImportException("cannot read the data of tensor '" + t.getName() + "': " + e.getMessage());
        }
    }

    private static long number(TensorProto t, StringStringEntryProto e) {
        try {
            long v = Long.parseLong(e.getValue().trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException x) {
            throw new OnnxImportException("tensor '" + t.getName() + "' has an external data " + e.getKey()
                    + " that is not a whole number of bytes");
        }
    }
}
