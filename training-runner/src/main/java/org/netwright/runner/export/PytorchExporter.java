package org.netwright.runner.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.runner.run.TrainedRun;

/**
 * The {@code pytorch} format: PyTorch source that runs and trains the network outside Netwright. {@code model.py}
 * (the network as an nn.Module, {@code load()} gives it with the trained weights), {@code weights.npz} (read with
 * numpy, no pickle), {@code preprocess.py}, {@code predict.py FILE} and {@code train.py --epochs N}, which also runs
 * under {@code torchrun --nproc_per_node=N} with DistributedDataParallel.
 */
public final class PytorchExporter implements ModelExporter {
    @Override
    public String format() {
        return "pytorch";
    }

    @Override
    public void write(TrainedRun run, Path project, Path dir) throws IOException {
        writeModel(run.graph(), run.weights(), dir);
    }

    /**
     * Writes {@code model.py} and {@code weights.npz} for a graph and a checkpoint's weights into {@code dir}.
     *
     * @throws ExportException when a layer cannot be written, before anything is written
     */
    public static void writeModel(Graph graph, byte[] weights, Path dir) throws IOException {
        String source = TorchSource.modelPy(graph);
        Map<String, Npz.Array> state = TorchWeights.stateDict(graph, weights);
        Files.writeString(dir.resolve("model.py"), source, StandardCharsets.UTF_8);
        Npz.write(dir.resolve("weights.npz"), state);
    }
}
