package org.netwright.runner.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;

class CheckpointsTest {

    private static Map<String, Tensor> byKey(byte[] checkpoint) {
        Map<String, Tensor> out = new java.util.HashMap<>();
        for (Tensor t : Checkpoints.read(checkpoint)) {
            out.put(t.nodeId() + "." + t.paramName(), t);
        }
        return out;
    }

    private static byte[] trainTwoMoons(int epochs) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        var s = t.settings().withEpochs(epochs);
        byte[][] last = new byte[1][];
        RunResult result = new TrainingRun(t.graph(), s, Generators.generate(s.data(), s.seed()).split(0.2, 0.2, 1))
                .addListener(new RunListener() {
                    @Override
                    public void checkpoint(int epoch, byte[] weights) {
                        last[0] = weights;
                    }
                }).run();
        assertEquals("completed", result.status());
        return last[0];
    }

    @Test
    void writeThenReadGivesTheSameTensors() {
        List<Tensor> tensors = List.of(new Tensor("dense_1", "weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6}),
                new Tensor("dense_1", "bias", new long[] {2}, new float[] {0.5f, Float.MIN_VALUE}));
        assertEquals(tensors, Checkpoints.read(Checkpoints.write(tensors)));
    }

    @Test
    void trainedWeightsSurviveAnEditElsewhereInTheGraph() {
        byte[] trained = trainTwoMoons(2);
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        // Edit: widen dense_2 (so dense_2 and dense_3 change shape) and add an unrelated dropout before dense_3.
        Graph edited = t.graph()
                .withNode(t.graph().require("dense_2").withParam("units", 24))
                .withNode(new Node("dropout_1", "dropout", Map.of("rate", 0.1), 1000, 300))
                .disconnect(Edge.of("relu_2", "out", "dense_3", "in"))
                .connect(Edge.of("relu_2", "out", "dropout_1", "in"))
                .connect(Edge.of("dropout_1", "out", "dense_3", "in"));
        GraphBlock block = GraphCompiler.compile(edited, true);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            LoadReport report = Checkpoints.load(block, trained);
            assertEquals(List.of("dense_1"), report.loaded());
            assertEquals(List.of("dense_2", "dense_3"), List.copyOf(new java.util.TreeSet<>(report.skipped().keySet())));
            assertTrue(report.skipped().get("dense_2").contains("changed shape"), report.skipped().toString());
            Map<String, Tensor> before = byKey(trained);
            Map<String, Tensor> after = byKey(Checkpoints.save(block));
            assertArrayEquals(before.get("dense_1.weight").values(), after.get("dense_1.weight").values());
            assertArrayEquals(before.get("dense_1.bias").values(), after.get("dense_1.bias").values());
            assertFalse(Arrays.equals(before.get("dense_3.bias").values(), new float[2]), "trained bias is not all zero");
        }
    }

    @Test
    void aRunCanStartFromACheckpoint() {
        byte[] trained = trainTwoMoons(1);
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        var s = t.settings().withEpochs(1);
        TrainingRun resumed = new TrainingRun(t.graph(), s, Generators.generate(s.data(), s.seed()).split(0.2, 0.2, 1))
                .startingFrom(trained);
        assertEquals("completed", resumed.run().status());
        assertEquals(List.of("dense_1", "dense_2", "dense_3"), resumed.initialLoad().loaded());
    }

    @Test
    void refusesBytesThatAreNotACheckpoint() {
        var e = assertThrows(CheckpointFormatException.class, () -> Checkpoints.read("hello world!".getBytes()));
        assertTrue(e.getMessage().contains("not a Netwright checkpoint"));
        byte[] cut = Arrays.copyOf(Checkpoints.write(List.of(new Tensor("a", "w", new long[] {4}, new float[4]))), 30);
        assertThrows(CheckpointFormatException.class, () -> Checkpoints.read(cut));
    }

    @Test
    void everyFlippedBitOfStoredWeightsIsFoundAndNamed() {
        float[] values = new float[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f - 3;
        }
        byte[] good = Checkpoints.write(List.of(new Tensor("dense_1", "weight", new long[] {8, 8}, values),
                new Tensor("dense_2", "bias", new long[] {4}, new float[] {1, 2, 3, 4})));
        int secondTensor = (2 + 7) + (2 + 4) + 4 + 8 + 4 + 4 * 4 + 4;
        int valuesStart = good.length - secondTensor - 4 - 64 * 4;
        for (int bit = 0; bit < 64 * 4 * 8; bit++) {
            byte[] bad = good.clone();
            bad[valuesStart + bit / 8] ^= (byte) (1 << (bit % 8));
            var e = assertThrows(CheckpointFormatException.class, () -> Checkpoints.read(bad), "bit " + bit);
            assertTrue(e.getMessage().contains("node 'dense_1' (weight) fail their checksum"), e.getMessage());
        }
        byte[] badBias = good.clone();
        badBias[good.length - 6] ^= 0x10;
        var e = assertThrows(CheckpointFormatException.class, () -> Checkpoints.read(badBias));
        assertTrue(e.getMessage().contains("'dense_2' (bias)"), e.getMessage());
    }

    @Test
    void checkpointsOfVersionOneWithoutChecksumsStillLoad() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(Checkpoints.MAGIC);
            out.writeInt(1);
            out.writeInt(1);
            out.writeUTF("dense_1");
            out.writeUTF("bias");
            out.writeInt(1);
            out.writeLong(2);
            out.writeInt(2);
            out.writeFloat(0.5f);
            out.writeFloat(-1.5f);
        }
        assertEquals(List.of(new Tensor("dense_1", "bias", new long[] {2}, new float[] {0.5f, -1.5f})),
                Checkpoints.read(bytes.toByteArray()));
    }
    @Test
    void theBytesWrittenInChunksAreTheFormatsBytesExactly() throws Exception {
        // Written as the format was first written: each tensor through one whole buffer, into a growing stream.
        java.util.Random r = new java.util.Random(3);
        float[] big = new float[40_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = r.nextFloat() - 0.5f;
        }
        List<Tensor> tensors = List.of(new Tensor("dense_1", "weight", new long[] {200, 200}, big),
                new Tensor("cou\u00e7he_\u4e00", "bias", new long[] {3}, new float[] {1f, -2f, Float.NaN}),
                new Tensor("empty", "gamma", new long[] {0}, new float[0]));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.util.zip.CheckedOutputStream checked = new java.util.zip.CheckedOutputStream(bytes,
                new java.util.zip.CRC32());
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(checked)) {
            out.writeInt(Checkpoints.MAGIC);
            out.writeInt(Checkpoints.VERSION);
            out.writeInt(tensors.size());
            for (Tensor t : tensors) {
                checked.getChecksum().reset();
                out.writeUTF(t.nodeId());
                out.writeUTF(t.paramName());
                out.writeInt(t.shape().length);
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(t.values().length * Float.BYTES);
                buffer.asFloatBuffer().put(t.values());
                out.writeInt(t.values().length);
                out.write(buffer.array());
                out.writeInt((int) checked.getChecksum().getValue());
            }
        }
        assertArrayEquals(bytes.toByteArray(), Checkpoints.write(tensors));
    }
}
