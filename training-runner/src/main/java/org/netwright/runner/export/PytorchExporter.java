package org.netwright.runner.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // Everything that can refuse is computed before the first file is written.
        String source = TorchSource.modelPy(run.graph());
        Map<String, Npz.Array> state = TorchWeights.stateDict(run.graph(), run.weights());
        Preprocessing preprocessing = RunData.preprocessing(run, project);
        Files.writeString(dir.resolve("model.py"), source, StandardCharsets.UTF_8);
        Npz.write(dir.resolve("weights.npz"), state);
        preprocessing.write(dir);
        boolean trains = RunData.namesData(run);
        if (trains) {
            TorchTraining.write(run.graph(), run.settings(), RunData.isGraph(run, project) ? null : run.task(), project,
                    dir);
        }
        for (String script : trains ? List.of("preprocess.py", "predict.py", "train.py")
                : List.of("preprocess.py", "predict.py")) {
            Files.writeString(dir.resolve(script), TorchSource.resource(script), StandardCharsets.UTF_8);
        }
        readme(run, project, preprocessing, trains).write(dir);
    }

    private static ExportReadme readme(TrainedRun run, Path project, Preprocessing p, boolean trains) {
        ExportReadme r = new ExportReadme(project.getFileName() + ": run " + run.runId() + " as PyTorch source",
                run.runId(), project);
        List<String[]> files = new java.util.ArrayList<>(List.of(
                new String[] {"model.py", "the network as an nn.Module (`Model`), one submodule per layer named after "
                        + "its node id; `load()` returns it in eval mode with the trained weights"},
                new String[] {"weights.npz", "the trained weights by state-dict name (numpy, no pickle)"},
                new String[] {"preprocessing.json", "how raw data becomes the network's inputs, and the class names"},
                new String[] {"preprocess.py", "applies preprocessing.json to a file of raw samples"},
                new String[] {"predict.py", "prints the JSON line of `netwright predict FILE --json` for a file"}));
        if (trains) {
            files.add(new String[] {"train.py", "continues training with the run's settings, alone or under torchrun"});
            files.add(new String[] {"run.json", "the run's settings and task for train.py"});
            files.add(new String[] {"data.npz", "the run's data as Netwright split and prepared it (train/, validation/,"
                    + " test/)"});
        }
        r.section("What is here").files(files);
        r.line("Needs Python 3 with PyTorch (1.13 or newer) and numpy; Pillow for image files.").line("");
        if (!trains) {
            r.line("There is no train.py: this run names no data to train on (an imported model). Train it on your"
                    + " data in Netwright (`netwright train PROJECT --data PATH`) and export again to get one.")
                    .line("");
        }
        r.ports(p);
        String shape = p.inputs().isEmpty() ? "" : ExportReadme.describe(p.inputs().get(0).shape()).replace("×", ", ");
        r.section("Run it");
        r.code("sh", trains ? """
                python3 predict.py sample.csv        # one JSON line: classes by probability, or values
                python3 train.py --epochs 5          # continues training; writes weights-trained.npz
                torchrun --nproc_per_node=2 train.py --epochs 5   # the same with DistributedDataParallel
                """ : """
                python3 predict.py sample.csv        # one JSON line: the network's raw outputs
                """);
        if (trains) {
            r.line("train.py trains on data.npz, the run's data as Netwright prepared and split them; it starts from"
                    + " the trained weights and prints one JSON line per epoch. Debian 12's torch 1.13 on Python 3.11"
                    + " has a torchrun that cannot parse its own default output settings (AttributeError: 'NoneType'"
                    + " object has no attribute 'get'); there, add `--redirects 9:1 --tee 9:1`, which keeps every"
                    + " process's output on the console.").line("");
        }
        r.line("From Python:").line("");
        r.code("python", """
                import torch
                import model                       # this folder on sys.path, or run from here
                net = model.load()                 # eval mode, trained weights
                x = torch.zeros(1, %s)             # a batch of one prepared sample (see preprocess.py)
                scores = net(%s)
                """.formatted(shape, p.inputs().size() == 1 ? "x" : "x, ...  # one tensor per input, in the order above"));
        return r;
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
