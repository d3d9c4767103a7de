package org.netwright.runner.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.task.FieldTransform;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.Objective;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.export.onnx.OnnxWriter;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorShapeProto;
import org.netwright.runner.export.onnx.proto.Onnx.ValueInfoProto;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/** The README beside an exported model.onnx: what the file is, each input and output with its shape, how to run it. */
final class OnnxReadme {
    private static final int SHOWN = 8;

    private OnnxReadme() {
    }

    static String text(TrainedRun run, Path project, ModelProto model) {
        Map<String, FieldTransform> transforms = transforms(run, project);
        Map<String, String> fieldOf = new HashMap<>();
        Map<String, String> targetOf = new HashMap<>();
        if (run.task() != null) {
            for (InputBinding b : run.task().inputs()) {
                fieldOf.put(b.node(), b.field());
            }
            for (Objective o : run.task().objectives()) {
                targetOf.put(o.output(), o.target());
            }
        }
        StringBuilder t = new StringBuilder();
        t.append("# ").append(project.getFileName()).append(", run ").append(run.runId()).append(", as ONNX\n\n");
        t.append("`model.onnx`: the trained network in ONNX (opset ").append(OnnxWriter.OPSET)
                .append("), written by Netwright. It computes what Netwright's runner computes in inference: dropout"
                        + " is the identity, and the outputs are raw scores (no softmax). Arrays are float32 with the"
                        + " batch axis first; images are C×H×W, sequences T×F, and token or class ids are passed as"
                        + " float32 numbers.\n\n## Inputs\n\n");
        for (ValueInfoProto in : model.getGraph().getInputList()) {
            t.append("- `").append(in.getName()).append("`: ").append(shape(in)).append('\n');
            String node = in.getName().contains(".") ? in.getName().substring(0, in.getName().indexOf('.'))
                    : in.getName();
            FieldTransform f = transforms.get(fieldOf.getOrDefault(node, node));
            if (f != null && f.offset().length > 0) {
                t.append("  - standardize raw values first: (raw − offset) / scale, offset ").append(numbers(f.offset()))
                        .append(", scale ").append(numbers(f.scale())).append('\n');
            }
            if (f != null && !f.labels().isEmpty()) {
                t.append("  - ids: ").append(labels(f.labels())).append('\n');
            }
            if (f != null && !f.options().isEmpty()) {
                t.append("  - read with ").append(f.options()).append('\n');
            }
        }
        t.append("\n## Outputs\n\n");
        for (ValueInfoProto out : model.getGraph().getOutputList()) {
            t.append("- `").append(out.getName()).append("`: ").append(shape(out)).append('\n');
            FieldTransform f = transforms.get(targetOf.getOrDefault(out.getName(), ""));
            if (f != null && !f.labels().isEmpty()) {
                t.append("  - scores for the classes ").append(labels(f.labels())).append('\n');
            }
            if (f != null && f.offset().length > 0) {
                t.append("  - values are standardized: raw = value × scale + offset, offset ")
                        .append(numbers(f.offset())).append(", scale ").append(numbers(f.scale())).append('\n');
            }
        }
        t.append("\n## Run it\n\nWith Python and `onnxruntime`:\n\n```python\nimport numpy as np\n"
                + "import onnxruntime as ort\n\nsession = ort.InferenceSession(\"model.onnx\")\n"
                + "feeds = {i.name: np.zeros([1] + i.shape[1:], dtype=np.float32) for i in session.get_inputs()}\n"
                + "print(session.run(None, feeds))\n```\n\nWith Java, `com.microsoft.onnxruntime:onnxruntime`:"
                + " `OrtEnvironment.getEnvironment().createSession(\"model.onnx\")`, then `session.run(Map.of(name,"
                + " OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape)))`.\n");
        return t.toString();
    }

    /** The run's field transforms (standardization, class names), or none when its data cannot be read here. */
    private static Map<String, FieldTransform> transforms(TrainedRun run, Path project) {
        if (run.settings() == null || run.settings().data() == null) {
            return Map.of();
        }
        try {
            Samples samples = run.data(project);
            return samples.transforms();
        } catch (DataFileException | IllegalArgumentException | java.io.UncheckedIOException e) {
            // A model imported or trained on data that is gone still exports; its README then names no classes.
            return Map.of();
        }
    }

    private static String shape(ValueInfoProto v) {
        List<String> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
            dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam());
        }
        return "float32 [" + String.join(", ", dims) + "]";
    }

    private static String labels(List<String> labels) {
        List<String> shown = labels.subList(0, Math.min(SHOWN * 4, labels.size()));
        return String.join(", ", shown) + (labels.size() > shown.size() ? " … (" + labels.size() + " in all)" : "");
    }

    private static String numbers(double[] v) {
        double[] shown = Arrays.copyOf(v, Math.min(SHOWN, v.length));
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shown.length; i++) {
            s.append(i > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.6g", shown[i]));
        }
        return s.append(v.length > shown.length ? ", … (" + v.length + " in all)]" : "]").toString();
    }
}
