package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.cli.Cli;
import org.netwright.runner.export.onnx.OnnxImportException;
import org.netwright.runner.export.onnx.OnnxImporter;
import org.netwright.runner.export.onnx.OnnxModelReader;
import org.netwright.runner.export.onnx.OnnxWriter;
import org.netwright.runner.export.onnx.proto.Onnx.AttributeProto;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.NodeProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;
import org.netwright.templates.TemplateLibrary;

/**
 * Thousands of seeded mutations of real models (PyTorch's and our own exports): byte damage and forged fields
 * (sizes, operators, attributes, layer marks, external data). Each import either succeeds or fails with our one-line
 * message; nothing else escapes, and the CLI never prints a stack trace.
 */
class OnnxImportFuzzTest {
    private static final String[] OPS = {"Relu", "Gemm", "MatMul", "Add", "Conv", "Reshape", "Flatten", "Concat",
            "Transpose", "MaxPool", "BatchNormalization", "Softmax", "Identity", "LSTM", "Constant", "Mul", ""};

    @TempDir
    Path dir;

    static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : new String[] {"torch_mlp", "torch_cnn", "torch_residual", "torch_lstm", "torch_bilstm"}) {
            try (InputStream in = OnnxImportFuzzTest.class.getResourceAsStream("/onnx/" + name + ".onnx")) {
                seeds.add(in.readAllBytes());
            }
        }
        for (String id : new String[] {TemplateLibrary.TWO_MOONS_MLP, "lstm-classifier", "gpt-mini", "gat-node"}) {
            Graph graph = TemplateLibrary.find(id).orElseThrow().graph();
            seeds.add(OnnxWriter.toModel(graph, Checkpoints.read(OnnxHarness.seededCheckpoint(graph, 1)))
                    .toByteArray());
        }
        return seeds;
    }

    @Test
    void fewHundredMutatedModelsFailWithOurMessageOrImport() throws Exception {
        fuzz(400, 20261129);
    }

    @Tag("slow")
    @Test
    void threeThousandMutatedModelsFailWithOurMessageOrImport() throws Exception {
        fuzz(3000, 1129);
    }

    private void fuzz(int total, long seedValue) throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(seedValue);
        int refused = 0;
        int imported = 0;
        for (int i = 0; i < total; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] mutant = random.nextBoolean() ? bytes(seed, random) : structural(seed, random);
            try {
                ModelProto model = OnnxModelReader.parse(mutant, "mutant.onnx");
                OnnxImporter.importModel(model, OnnxModelReader.forFile(dir.resolve("mutant.onnx")));
                imported++;
            } catch (OnnxImportException e) {
                refused++;
                assertFalse(e.getMessage().isBlank(), "mutant " + i);
            } catch (Throwable t) {
                Files.write(Path.of("target", "onnx-fuzz-crash.onnx"), mutant);
                fail("mutant " + i + " escaped with " + t + " (saved to target/onnx-fuzz-crash.onnx)", t);
            }
        }
        System.out.printf("ONNX import fuzz: %d mutants, %d refused with a message, %d imported%n", total, refused,
                imported);
        assertTrue(refused > total / 4, "most mutants should be refused");
    }

    @Test
    void cliPrintsOneLineForEveryMutant() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            Path file = dir.resolve("m" + i + ".onnx");
            Files.write(file, random.nextBoolean() ? bytes(seed, random) : structural(seed, random));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Cli.run(new String[] {"import", file.toString(), "--out", dir.resolve("m" + i + ".nwproj")
                    .toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(status == 0 || status == 2, "mutant " + i + " exit " + status + ": " + text);
            assertEquals(status == 0 ? 0 : 1, text.lines().count(), "mutant " + i + ": " + text);
            assertFalse(text.contains("\tat "), text);
        }
    }

    /** Byte damage: flips, overwrites, cuts, repeats and insertions. */
    static byte[] bytes(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at + len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                }
                default -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) (0x80 | random.nextInt(128));
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }

    /** Forged fields in a well-formed model: sizes, operators, inputs, attributes, marks, external data. */
    static byte[] structural(byte[] seed, Random random) throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(seed).toBuilder();
        var g = m.getGraphBuilder();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    if (g.getInitializerCount() > 0) {
                        TensorProto.Builder t = g.getInitializerBuilder(random.nextInt(g.getInitializerCount()));
                        long[] sizes = {-1, 0, 1, 3, 1L << 31, 1L << 62, Long.MAX_VALUE};
                        if (t.getDimsCount() > 0) {
                            t.setDims(random.nextInt(t.getDimsCount()), sizes[random.nextInt(sizes.length)]);
                        } else {
                            t.addDims(sizes[random.nextInt(sizes.length)]);
                        }
                    }
                }
                case 1 -> {
                    if (g.getNodeCount() > 0) {
                        g.getNodeBuilder(random.nextInt(g.getNodeCount())).setOpType(OPS[random.nextInt(OPS.length)]);
                    }
                }
                case 2 -> {
                    if (g.getNodeCount() > 0) {
                        NodeProto.Builder n = g.getNodeBuilder(random.nextInt(g.getNodeCount()));
                        if (n.getInputCount() > 0 && random.nextBoolean()) {
                            List<String> in = new ArrayList<>(n.getInputList());
                            in.remove(random.nextInt(in.size()));
                            n.clearInput().addAllInput(in);
                        } else {
                            n.addInput(random.nextBoolean() ? "nowhere" : g.getInitializerCount() > 0
                                    ? g.getInitializer(0).getName() : "");
                        }
                    }
                }
                case 3 -> {
                    if (g.getNodeCount() > 0) {
                        NodeProto.Builder n = g.getNodeBuilder(random.nextInt(g.getNodeCount()));
                        String[] names = {"axis", "perm", "pads", "strides", "kernel_shape", "transB", "group",
                                "epsilon", "alpha", "hidden_size"};
                        long[] values = {-5, -1, 0, 1, 2, 7, 1L << 40};
                        AttributeProto.Builder a = AttributeProto.newBuilder()
                                .setName(names[random.nextInt(names.length)]);
                        if (random.nextBoolean()) {
                            a.setType(AttributeProto.AttributeType.INT).setI(values[random.nextInt(values.length)]);
                        } else {
                            a.setType(AttributeProto.AttributeType.INTS);
                            int count = random.nextInt(5);
                            for (int k = 0; k < count; k++) {
                                a.addInts(values[random.nextInt(values.length)]);
                            }
                        }
                        n.addAttribute(0, a);
                    }
                }
                case 4 -> {
                    if (g.getNodeCount() > 0) {
                        NodeProto.Builder n = g.getNodeBuilder(random.nextInt(g.getNodeCount()));
                        String[] texts = {"{", "{}", "{\"node\":\"{}\"}", "[1,2]", "null",
                                "{\"node\":\"{\\\"format\\\":\\\"netwright-graph\\\",\\\"version\\\":1,\\\"nodes\\\":"
                                        + "[{\\\"id\\\":\\\"layer\\\",\\\"type\\\":\\\"dense\\\",\\\"x\\\":0,\\\"y\\\":0,"
                                        + "\\\"params\\\":{\\\"units\\\":1000000}}],\\\"edges\\\":[]}\","
                                        + "\"inputs\":{\"in\":\"x\"},\"outputs\":{\"out\":\"y\"}}"};
                        n.addMetadataProps(0, StringStringEntryProto.newBuilder().setKey(OnnxWriter.LAYER_KEY)
                                .setValue("forged"));
                        n.addMetadataProps(0, StringStringEntryProto.newBuilder().setKey(OnnxWriter.DESCRIPTION_KEY)
                                .setValue(texts[random.nextInt(texts.length)]));
                    }
                }
                case 5 -> {
                    if (g.getInitializerCount() > 0) {
                        String[] places = {"../x.bin", "/etc/passwd", "a/../../b", "", "missing.bin", "\u0000"};
                        TensorProto.Builder t = g.getInitializerBuilder(random.nextInt(g.getInitializerCount()));
                        t.clearRawData().setDataLocation(TensorProto.DataLocation.EXTERNAL)
                                .addExternalData(StringStringEntryProto.newBuilder().setKey("location")
                                        .setValue(places[random.nextInt(places.length)]))
                                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset")
                                        .setValue(random.nextBoolean() ? "-1" : "99999999999"));
                    }
                }
                case 6 -> {
                    if (g.getInitializerCount() > 0) {
                        TensorProto.Builder t = g.getInitializerBuilder(random.nextInt(g.getInitializerCount()));
                        t.setRawData(ByteString.copyFrom(new byte[random.nextInt(16)]));
                    }
                }
                case 7 -> {
                    if (g.getInputCount() > 0) {
                        var v = g.getInputBuilder(random.nextInt(g.getInputCount()));
                        var shape = v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
                        if (shape.getDimCount() > 0) {
                            long[] sizes = {0, -3, 1L << 33, 100_000, 1};
                            shape.getDimBuilder(random.nextInt(shape.getDimCount()))
                                    .setDimValue(sizes[random.nextInt(sizes.length)]);
                        }
                    }
                }
                default -> {
                    if (g.getNodeCount() > 1) {
                        // Out of order: a node before the one that computes its input.
                        NodeProto first = g.getNode(0);
                        g.removeNode(0);
                        g.addNode(random.nextInt(g.getNodeCount()), first);
                    }
                }
            }
        }
        return m.build().toByteArray();
    }
}
