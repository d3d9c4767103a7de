package org.netwright.runner.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.netwright.model.shape.Shape;

/**
 * The README.md of an export folder: what is in it, the inputs (port, field, shape, preprocessing) and outputs
 * (classes), and the commands or code that run it.
 */
final class ExportReadme {
    private final StringBuilder text = new StringBuilder();

    ExportReadme(String title, long runId, Path project) {
        text.append("# ").append(title).append("\n\n");
        text.append("Exported by Netwright from run ").append(runId).append(" of `")
                .append(project.getFileName()).append("`.\n\n");
    }

    ExportReadme section(String heading) {
        text.append("## ").append(heading).append("\n\n");
        return this;
    }

    ExportReadme line(String line) {
        text.append(line).append("\n");
        return this;
    }

    ExportReadme files(List<String[]> files) {
        for (String[] f : files) {
            text.append("- `").append(f[0]).append("`: ").append(f[1]).append("\n");
        }
        text.append("\n");
        return this;
    }

    ExportReadme code(String language, String code) {
        text.append("```").append(language).append("\n").append(code.strip()).append("\n```\n\n");
        return this;
    }

    /** The tables of inputs and outputs, with the preprocessing each input needs and the classes of each output. */
    ExportReadme ports(Preprocessing p) {
        section("Inputs");
        text.append("Each input is a float32 tensor with the batch axis first, then the shape below.\n\n");
        text.append("| input | data field | kind | shape (per sample) | preprocessing |\n|---|---|---|---|---|\n");
        for (Preprocessing.Port in : p.inputs()) {
            text.append("| `").append(in.port()).append("` | ").append(in.field() == null ? "-" : in.field())
                    .append(" | ").append(in.kind()).append(" | ").append(describe(in.shape())).append(" | ")
                    .append(preprocessing(in)).append(" |\n");
        }
        text.append("\n");
        section("Outputs");
        text.append("Raw scores (no softmax): apply softmax over the last axis for class probabilities.\n\n");
        text.append("| output | shape (per sample) | trained against | classes |\n|---|---|---|---|\n");
        for (Preprocessing.Port out : p.outputs()) {
            List<String> classes = Preprocessing.classNames(out);
            String names = classes.isEmpty() ? "-" : classes.size() > 20
                    ? classes.size() + " (see preprocessing.json)" : String.join(", ", classes);
            text.append("| `").append(out.port()).append("` | ").append(describe(out.shape())).append(" | ")
                    .append(out.field() == null ? "-" : out.field() + (out.loss() == null ? "" : " (" + out.loss() + ")"))
                    .append(" | ").append(names).append(" |\n");
        }
        text.append("\n");
        return this;
    }

    private static String preprocessing(Preprocessing.Port in) {
        if (in.kind().equals("noise")) {
            return "random noise, drawn afresh";
        }
        StringBuilder b = new StringBuilder();
        double[] offset = in.transform().offset();
        if (offset.length > 0) {
            b.append("(raw - offset) / scale with ").append(offset.length == 1 ? "one offset and scale"
                    : offset.length + " offsets and scales").append(" (preprocessing.json)");
        }
        if (!in.transform().labels().isEmpty()) {
            b.append(b.length() > 0 ? "; " : "").append("ids of a vocabulary of ").append(in.transform().labels().size());
        }
        if (!in.transform().options().isEmpty()) {
            b.append(b.length() > 0 ? "; " : "").append(in.transform().options().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")));
        }
        return b.length() == 0 ? "none (values as the data gives them)" : b.toString();
    }

    static String describe(Shape s) {
        return s.toArray().length == 0 ? "scalar" : java.util.Arrays.stream(s.toArray()).mapToObj(String::valueOf)
                .collect(Collectors.joining("×"));
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), text.toString(), StandardCharsets.UTF_8);
    }
}
