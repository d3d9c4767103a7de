package org.netwright.runner.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.netwright.runner.run.TrainedRun;

/** Makes sure every export folder explains itself: a README for a format whose exporter wrote none. */
public final class ExportReadmes {
    private ExportReadmes() {
    }

    /**
     * Writes {@code README.md} into {@code dir} unless the exporter wrote one: the files there, the inputs with their
     * shapes and preprocessing, the outputs with their classes, and how to run the model ({@code onnx}: with ONNX
     * Runtime).
     */
    public static void writeIfMissing(String format, TrainedRun run, Path project, Path dir) throws IOException {
        if (Files.exists(dir.resolve("README.md"))) {
            return;
        }
        Preprocessing p = RunData.preprocessing(run, project);
        boolean hasPreprocessing = Files.exists(dir.resolve("preprocessing.json"));
        if (!hasPreprocessing) {
            p.write(dir);
        }
        List<String[]> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                files.add(new String[] {name, switch (name) {
                    case "model.onnx" -> "the network in ONNX, one graph input per input port named after its node";
                    case "preprocessing.json" -> "how raw data becomes the network's inputs, and the class names";
                    default -> "written by the " + format + " export";
                }});
            }
        }
        ExportReadme r = new ExportReadme(project.getFileName() + ": run " + run.runId() + " as " + format,
                run.runId(), project);
        r.section("What is here").files(files);
        r.ports(p);
        r.section("Run it");
        if (format.equals("onnx")) {
            String feeds = p.inputs().stream().map(in -> "\"" + in.port().substring(0, in.port().lastIndexOf('.'))
                    + "\": np.zeros((1, " + ExportReadme.describe(in.shape()).replace("×", ", ") + "), np.float32)")
                    .collect(Collectors.joining(", "));
            r.code("python", """
                    import numpy as np
                    import onnxruntime as ort
                    session = ort.InferenceSession("model.onnx")
                    scores = session.run(None, {%s})[0]   # raw scores; softmax for probabilities
                    """.formatted(feeds));
        } else {
            r.line("Open the files above with the " + format + " runtime; inputs and outputs are as listed.").line("");
        }
        r.write(dir);
    }
}
