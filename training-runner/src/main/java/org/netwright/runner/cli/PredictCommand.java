package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.TrainedRun;

/**
 * {@code netwright predict PROJECT --input FILE [--run ID] [--top-k K] [--json]}: a trained run on one file (an image,
 * a CSV file of rows, a text) read as its training data were: the top-k classes with their probabilities, or the
 * predicted values of a regression.
 */
final class PredictCommand {
    static final String USAGE = "predict FILE.nwproj --input FILE [--run ID] [--top-k K] [--json]";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int DEFAULT_TOP = 5;

    private PredictCommand() {
    }

    /** One sample's prediction: its classes' probabilities (with names) or its values. */
    record Prediction(float[] values, List<String> names) {
        boolean classes() {
            return names != null;
        }

        /** The classes by probability, highest first, at most {@code k}. */
        List<Integer> top(int k) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> values[i]).reversed());
            return order.subList(0, Math.min(k, order.size()));
        }
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--run", "--input", "--top-k"), Set.of("--json"));
        Path project = InsightCommands.project(args, "predict", USAGE);
        Path file = Path.of(args.value("--input").orElseThrow(() -> new UsageException(
                "predict needs --input FILE, an image, a CSV file of rows or a text")));
        int top = args.intValue("--top-k", 1, 1_000_000).orElse(DEFAULT_TOP);
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        InsightCommands.requireData(t, project);
        List<Prediction> predictions;
        try {
            RunInputs inputs = RunInputs.of(t, project);
            RunInputs.Reading reading = inputs.read(file);
            predictions = predict(t, inputs, reading);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("--json")) {
            ObjectNode o = MAPPER.createObjectNode();
            if (predictions.size() == 1) {
                write(o, predictions.get(0), top);
            } else {
                ArrayNode rows = o.putArray("rows");
                predictions.forEach(p -> write(rows.addObject(), p, top));
            }
            out.println(o);
            return 0;
        }
        for (int r = 0; r < predictions.size(); r++) {
            Prediction p = predictions.get(r);
            String prefix = predictions.size() == 1 ? "" : "row " + (r + 1) + ": ";
            if (p.classes()) {
                List<String> parts = new ArrayList<>();
                for (int k : p.top(top)) {
                    parts.add(Cli.printable(p.names().get(k)) + " " + String.format(java.util.Locale.ROOT, "%.4f",
                            p.values()[k]));
                }
                out.println(prefix + String.join(", ", parts));
            } else {
                List<String> parts = new ArrayList<>();
                for (float v : p.values()) {
                    parts.add(String.format(java.util.Locale.ROOT, "%.6g", v));
                }
                out.println(prefix + String.join(" ", parts));
            }
        }
        return 0;
    }

    private static void write(ObjectNode o, Prediction p, int top) {
        if (p.classes()) {
            ArrayNode list = o.putArray("predictions");
            for (int k : p.top(top)) {
                ObjectNode c = list.addObject();
                c.put("class", p.names().get(k));
                InsightJson.put(c, "probability", p.values()[k]);
            }
        } else {
            ArrayNode list = o.putArray("values");
            for (float v : p.values()) {
                InsightJson.add(list, v);
            }
        }
    }

    /** The run's output for each sample the file gave, as the user reads it. */
    static List<Prediction> predict(TrainedRun t, RunInputs inputs, RunInputs.Reading reading) {
        DataField target = inputs.target();
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            float[] all = net.predictions(reading.values(), reading.count());
            Shape out = net.output().shape();
            int width = Math.toIntExact(out.size());
            List<Prediction> result = new ArrayList<>();
            for (int r = 0; r < reading.count(); r++) {
                float[] one = java.util.Arrays.copyOfRange(all, r * width, (r + 1) * width);
                if (target.kind() == DataField.Kind.CLASS_ID || target.kind() == DataField.Kind.TOKEN_IDS) {
                    int k = out.dim(out.rank() - 1);
                    if (out.rank() == 2) {
                        // Scores per position (a language model): the distribution after the last token read.
                        int at = reading.lastToken() >= 0 ? reading.lastToken() : out.dim(0) - 1;
                        one = java.util.Arrays.copyOfRange(one, at * k, (at + 1) * k);
                    }
                    result.add(new Prediction(one, inputs.classNames(target.name(), k)));
                } else {
                    FieldTransform back = inputs.data().transform(target.name());
                    double[] offset = back.offset();
                    double[] scale = back.scale();
                    for (int i = 0; i < one.length && offset.length > 0; i++) {
                        int j = offset.length == 1 ? 0 : i % offset.length;
                        // The run's values were (raw - offset) / scale: the prediction goes back to the data's units.
                        one[i] = (float) (one[i] * scale[j] + offset[j]);
                    }
                    result.add(new Prediction(one, null));
                }
            }
            return result;
        }
    }
}
