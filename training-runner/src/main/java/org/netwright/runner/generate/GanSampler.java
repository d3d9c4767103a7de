package org.netwright.runner.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.GanParts;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/**
 * A trained GAN's generator (or another noise-fed part, such as a VAE's decoder), ready to draw samples: its part
 * of the canvas compiled on the CPU with a checkpoint's weights. Close it to free the weights.
 */
public final class GanSampler implements AutoCloseable {
    private final NDManager manager;
    private final GraphBlock block;
    private final List<NetworkEnds.End> inputs = new ArrayList<>();
    private final List<String> distributions = new ArrayList<>();
    private final List<Integer> classCounts = new ArrayList<>();
    private final Shape sampleShape;

    private GanSampler(Graph generator, String out, byte[] checkpoint) {
        NetworkEnds ends = NetworkEnds.of(generator);
        NetworkEnds.End end = ends.output(out).orElseThrow(() -> new IllegalArgumentException(
                "The generator's output '" + out + "' is not an output of its part of the canvas."));
        this.sampleShape = end.shape();
        this.block = GraphCompiler.compile(generator, List.of(end.ref()), List.of(out));
        for (String port : block.inputPorts()) {
            inputs.addAll(ends.inputsOf(port.substring(0, port.lastIndexOf('.'))));
        }
        for (NetworkEnds.End in : inputs) {
            Node n = generator.require(in.nodeId());
            var params = LayerCatalog.standard().require(n.type()).resolve(n.params());
            boolean isNoise = n.type().equals("noise_input");
            distributions.add(isNoise ? params.getString("distribution") : null);
            classCounts.add(n.type().equals("label_input") ? params.getInt("classes") : 0);
        }
        this.manager = NDManager.newBaseManager(Device.cpu());
        try {
            ai.djl.ndarray.types.Shape[] shapes = inputs.stream()
                    .map(in -> new ai.djl.ndarray.types.Shape(in.shape().withBatch(1)))
                    .toArray(ai.djl.ndarray.types.Shape[]::new);
            // Zeros, not random draws: the checkpoint overwrites every weight, and a draw here would move the engine's
            // random stream, so a run that shows samples each epoch would train differently from one that does not.
            block.setInitializer(ai.djl.training.initializer.Initializer.ZEROS, p -> true);
            block.initialize(manager, DataType.FLOAT32, shapes);
            LoadReport report = Checkpoints.load(block, checkpoint);
            if (!report.skipped().isEmpty()) {
                var first = report.skipped().entrySet().iterator().next();
                throw new IllegalArgumentException("The checkpoint does not fit the generator: layer '" + first.getKey()
                        + "' is " + first.getValue() + ".");
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The generator of a GAN {@code task} on {@code graph}, with the weights of {@code checkpoint}. */
    public static GanSampler open(Graph graph, Task task, byte[] checkpoint) {
        if (!Task.GAN.equals(task.recipe())) {
            throw new IllegalArgumentException("Samples can be drawn from a GAN's generator; this run's task is '"
                    + task.recipe() + "'.");
        }
        return new GanSampler(GanParts.of(graph, task).generator(), task.options().get("generator"), checkpoint);
    }

    /**
     * Any part of a canvas that turns noise inputs (and class conditions) into samples at its output {@code out},
     * such as a VAE's decoder cut out by {@code GraphCuts.after}, with the weights of {@code checkpoint} (weights of
     * layers outside the part are ignored).
     */
    public static GanSampler openPart(Graph part, String out, byte[] checkpoint) {
        return new GanSampler(part, out, checkpoint);
    }

    /** The shape of one sample, without the batch axis (e.g. 2 for a point, 1×8×8 for an image). */
    public Shape sampleShape() {
        return sampleShape;
    }

    /** True when the generator reads a class condition (a label input), as a conditional GAN does. */
    public boolean conditional() {
        return distributions.stream().anyMatch(d -> d == null);
    }

    /** How many classes the generator's label inputs take (the most of any), 0 when it reads no class. */
    public int classes() {
        return classCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * {@code count} samples from noise drawn with {@code seed}, one after another in one array; {@code classes}
     * gives each sample's class id for every label input (null draws them uniformly from {@code 0..classes-1} of
     * the input).
     */
    public float[] sample(int count, long seed, int[] classes) {
        if (count < 1) {
            throw new IllegalArgumentException("Ask for at least one sample; got " + count + ".");
        }
        Random noise = new Random(seed);
        try (NDManager scope = manager.newSubManager()) {
            NDList x = new NDList();
            for (int i = 0; i < inputs.size(); i++) {
                NetworkEnds.End in = inputs.get(i);
                String distribution = distributions.get(i);
                float[] v = new float[Math.toIntExact(count * in.shape().size())];
                if (distribution != null) {
                    for (int j = 0; j < v.length; j++) {
                        v[j] = "uniform".equals(distribution) ? (float) (noise.nextDouble() * 2 - 1)
                                : (float) noise.nextGaussian();
                    }
                } else {
                    int width = Math.toIntExact(in.shape().size());
                    for (int j = 0; j < count; j++) {
                        int c = classes != null ? classes[j] : noise.nextInt(Math.max(1, classCounts.get(i)));
                        for (int k = 0; k < width; k++) {
                            v[j * width + k] = c;
                        }
                    }
                }
                x.add(scope.create(v, new ai.djl.ndarray.types.Shape(in.shape().withBatch(count))));
            }
            NDArray out = block.forward(new ParameterStore(scope, false), x, false).singletonOrThrow();
            return out.toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /**
     * Decodes {@code count} given points instead of drawing noise: {@code values} holds them one after another, each
     * shaped like the part's single noise input (a VAE decoder's latent). Throws IllegalArgumentException for a part
     * with other inputs (a class condition) or values of the wrong length.
     */
    public float[] decode(float[] values, int count) {
        if (inputs.size() != 1 || distributions.get(0) == null) {
            throw new IllegalArgumentException("Only a part fed by one noise input decodes given points; this one reads "
                    + inputs.size() + " input" + (inputs.size() == 1 ? " (a class condition)" : "s") + ".");
        }
        NetworkEnds.End in = inputs.get(0);
        if (count < 1 || values.length != count * in.shape().size()) {
            throw new IllegalArgumentException(count + " points of " + in.shape().describe() + " need "
                    + count * in.shape().size() + " values, not " + values.length + ".");
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList x = new NDList(scope.create(values, new ai.djl.ndarray.types.Shape(in.shape().withBatch(count))));
            NDArray out = block.forward(new ParameterStore(scope, false), x, false).singletonOrThrow();
            return out.toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
