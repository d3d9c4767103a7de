package org.netwright.runner.export;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/**
 * A graph compiled as our runner compiles it for export, with seeded weights (running statistics of batch norms
 * moved off 0 and 1 so they matter), inputs that fit each input layer, and the outputs our block gives for them.
 */
public final class SeededNetwork implements AutoCloseable {
    public final NDManager manager = NDManager.newBaseManager();
    final GraphBlock block;
    public final byte[] weights;
    final List<float[]> inputs = new ArrayList<>();
    final List<long[]> inputShapes = new ArrayList<>();
    final List<float[]> outputs = new ArrayList<>();
    final List<long[]> outputShapes = new ArrayList<>();

    public SeededNetwork(Graph graph, int batch, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        block = GraphCompiler.compile(graph, true);
        Random random = new Random(seed);
        List<ai.djl.ndarray.types.Shape> shapes = new ArrayList<>();
        for (String port : block.inputPorts()) {
            shapes.add(new ai.djl.ndarray.types.Shape(block.portShape(port).withBatch(batch)));
        }
        block.initialize(manager, DataType.FLOAT32, shapes.toArray(new ai.djl.ndarray.types.Shape[0]));
        for (Block b : block.weightedNodes().values()) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                    p.getValue().getArray().set(randoms(random, p.getValue().getArray().size(), 0.3f, 0f));
                } else if (p.getValue().getType() == Parameter.Type.RUNNING_VAR) {
                    p.getValue().getArray().set(randoms(random, p.getValue().getArray().size(), 0.3f, 1.2f));
                }
            }
        }
        weights = Checkpoints.save(block);
        NDList in = new NDList();
        for (String port : block.inputPorts()) {
            Shape s = block.portShape(port);
            float[] values = inputValues(graph, port, s, batch, random);
            long[] shape = s.withBatch(batch);
            inputs.add(values);
            inputShapes.add(shape);
            in.add(manager.create(values, new ai.djl.ndarray.types.Shape(shape)));
        }
        NDList out = block.forward(new ParameterStore(manager, false), in, false);
        for (NDArray o : out) {
            outputs.add(o.toFloatArray());
            outputShapes.add(o.getShape().getShape());
        }
    }

    /** Values an input port takes: ids below the vocabulary or class count, 0/1 adjacency and masks, else N(0, 1). */
    private static float[] inputValues(Graph graph, String port, Shape s, int batch, Random random) {
        String id = port.substring(0, port.lastIndexOf('.'));
        String name = port.substring(port.lastIndexOf('.') + 1);
        Node node = graph.require(id);
        LayerSpec spec = LayerCatalog.standard().require(node.type());
        LayerParams p = spec.resolve(node.params());
        int n = Math.toIntExact(s.size() * batch);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (node.type() + "." + name) {
                case "token_input.out" -> random.nextInt(p.getInt("vocabulary"));
                case "label_input.out" -> random.nextInt(p.getInt("classes"));
                case "graph_input.adjacency" -> random.nextInt(4) == 0 ? 1f : 0f;
                case "graph_input.mask" -> (i % s.size()) < s.size() * 3 / 4 ? 1f : 0f;
                default -> (float) random.nextGaussian();
            };
        }
        if (name.equals("adjacency")) {
            int nodes = s.dim(0);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < nodes; i++) {
                    for (int j = 0; j < i; j++) {
                        v[b * nodes * nodes + i * nodes + j] = v[b * nodes * nodes + j * nodes + i];
                    }
                }
            }
        }
        return v;
    }

    private static float[] randoms(Random random, long n, float spread, float base) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = base + spread * (float) Math.abs(random.nextGaussian()) * (base > 0 ? 1 : Math.signum((float) random.nextGaussian()));
        }
        return v;
    }

    /** Writes the inputs as {@code in0, in1, ...} and our outputs as {@code out0, ...} into two .npz files. */
    public void writeArrays(Path inputsFile, Path expectedFile) throws IOException {
        Map<String, Npz.Array> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            in.put("in" + i, new Npz.Array(inputShapes.get(i), inputs.get(i)));
        }
        Npz.write(inputsFile, in);
        Map<String, Npz.Array> out = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            out.put("out" + i, new Npz.Array(outputShapes.get(i), outputs.get(i)));
        }
        Npz.write(expectedFile, out);
    }

    @Override
    public void close() {
        manager.close();
    }
}
