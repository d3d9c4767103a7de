package org.netwright.runner.export.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.netwright.runner.export.onnx.proto.Onnx.AttributeProto;
import org.netwright.runner.export.onnx.proto.Onnx.GraphProto;
import org.netwright.runner.export.onnx.proto.Onnx.NodeProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;

/**
 * An ONNX graph being written: nodes in the order they are added (callers add them topologically), float
 * initializers and int64 constants, each value given a fresh name under the layer it belongs to.
 */
final class OnnxBuilder {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private String layer = "graph";

    GraphProto.Builder graph() {
        return graph;
    }

    /** Names the values and nodes that follow after our layer {@code nodeId}. */
    void layer(String nodeId) {
        this.layer = nodeId;
    }

    /** A value name not used yet, under the current layer. */
    String fresh(String hint) {
        String base = layer + "/" + hint;
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Reserves an exact value name (graph inputs and outputs). */
    String reserve(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("Two ONNX values named " + name);
        }
        return name;
    }

    /** Adds a float initializer of {@code dims} (row-major values) and returns its name. */
    String floats(String hint, long[] dims, float[] values) {
        String name = fresh(hint);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(longs(dims)).setRawData(UnsafeByteOperations.unsafeWrap(bytes.array())));
        return name;
    }

    /** A float scalar constant. */
    String scalar(String hint, float value) {
        return floats(hint, new long[0], new float[] {value});
    }

    /** A 1-D int64 constant, e.g. a shape for Reshape or axes for Unsqueeze. */
    String int64s(String hint, long... values) {
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).addAllInt64Data(longs(values)));
        return name;
    }

    /** How many nodes the graph has so far. */
    int nodeCount() {
        return graph.getNodeCount();
    }

    /**
     * Marks the nodes added since {@code from} as the ONNX form of our layer {@code layerId}, and the first of them
     * with {@code description} (the layer's type, settings and ports), so an import can give the layer back.
     */
    void annotate(int from, String layerId, String description) {
        for (int i = from; i < graph.getNodeCount(); i++) {
            NodeProto.Builder node = graph.getNodeBuilder(i);
            node.addMetadataProps(entry(OnnxWriter.LAYER_KEY, layerId));
            if (i == from) {
                node.addMetadataProps(entry(OnnxWriter.DESCRIPTION_KEY, description));
            }
        }
    }

    static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** Adds a node with one output and returns the output's name. */
    String op(String opType, List<String> inputs, AttributeProto... attributes) {
        return ops(opType, inputs, 1, attributes)[0];
    }

    /** Adds a node with {@code outputs} outputs and returns their names. */
    String[] ops(String opType, List<String> inputs, int outputs, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(fresh(opType))
                .addAllInput(inputs);
        String[] out = new String[outputs];
        for (int i = 0; i < outputs; i++) {
            out[i] = fresh(opType.toLowerCase() + "_out");
            node.addOutput(out[i]);
        }
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return out;
    }

    /** Adds a node whose single output has a chosen name (a graph output). */
    void opNamed(String opType, List<String> inputs, String output) {
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(fresh(opType)).addAllInput(inputs)
                .addOutput(output));
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto ints(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(longs(values)).build();
    }

    static AttributeProto strings(String name, String... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFromUtf8(v));
        }
        return a.build();
    }

    private static List<Long> longs(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
