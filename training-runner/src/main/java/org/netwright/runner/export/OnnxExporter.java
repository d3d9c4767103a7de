package org.netwright.runner.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.export.onnx.OnnxWriter;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.run.TrainedRun;

/**
 * The {@code onnx} export: {@code DIR/model.onnx} (opset {@value OnnxWriter#OPSET}), one graph input per input node
 * named after it, one output per output node named after it, raw scores in our block's layout.
 */
public final class OnnxExporter implements ModelExporter {
    /** The file the export writes inside the chosen folder. */
    public static final String FILE = "model.onnx";
    /** Protobuf messages are limited to 2 GiB; larger models would need ONNX's external data files. */
    private static final long MAX_WEIGHT_BYTES = 1_900_000_000L;

    @Override
    public String format() {
        return "onnx";
    }

    @Override
    public void write(TrainedRun run, Path project, Path dir) throws IOException {
        List<Tensor> tensors = Checkpoints.read(run.weights());
        long bytes = tensors.stream().mapToLong(t -> 4L * t.values().length).sum();
        if (bytes > MAX_WEIGHT_BYTES) {
            throw new ExportException("The weights take " + bytes / 1_000_000 + " MB, more than one ONNX file can hold"
                    + " (2 GB); this export does not write ONNX external data files.");
        }
        ModelProto model = OnnxWriter.toModel(run.graph(), tensors);
        String readme = OnnxReadme.text(run, project, model);
        write(model, dir.resolve(FILE));
        Path notes = dir.resolve("README.md");
        if (!Files.exists(notes)) {
            Files.writeString(notes, readme);
        }
    }

    /** Writes {@code model} to {@code file} through a temporary file in the same folder, so no half file is left. */
    public static void write(ModelProto model, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".model", ".onnx.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                model.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
