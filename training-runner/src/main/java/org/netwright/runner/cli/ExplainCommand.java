package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataOption;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.data.Samples;
import org.netwright.runner.explain.Attribution;
import org.netwright.runner.explain.AttributionPictures;
import org.netwright.runner.explain.Attributions;
import org.netwright.runner.explain.ConfusionMatrix;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.TrainedRun;

/**
 * {@code netwright explain PROJECT --input FILE --method M [--layer NODE] [--class K] [--run ID] --out map.png [--json]}:
 * which parts of one input made a trained run score a class (the predicted one unless {@code --class} names another),
 * drawn as a PNG (a heat map over an image, a bar per feature of a table row, coloured tokens of a text) and, with
 * {@code --json}, given as an array shaped like the input.
 */
final class ExplainCommand {
    static final String USAGE = "explain FILE.nwproj (--input FILE | --sample N) --method"
            + " saliency|smoothgrad|integrated-gradients|gradcam"
            + " [--layer NODE] [--class K] [--run ID] --out MAP.png [--json]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplainCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--run", "--input", "--sample", "--method", "--layer", "--class", "--out"),
                Set.of("--json"));
        Path project = InsightCommands.project(args, "explain", USAGE);
        if (args.has("--input") == args.has("--sample")) {
            throw new UsageException("explain needs either --input FILE (an image, a CSV row or a text) or --sample N"
                    + " (the run's N-th test sample)");
        }
        Path file = args.value("--input").map(Path::of).orElse(null);
        java.util.Optional<Integer> sample = args.intValue("--sample", 0, Integer.MAX_VALUE);
        String method = args.value("--method").orElseThrow(() -> new UsageException("explain needs --method, one of "
                + String.join(", ", Attributions.METHODS)));
        if (!Attributions.METHODS.contains(method)) {
            throw new UsageException("--method must be one of " + String.join(", ", Attributions.METHODS) + "; got '"
                    + method + "'");
        }
        if (args.has("--layer") && !method.equals(Attributions.GRADCAM)) {
            throw new UsageException("--layer chooses Grad-CAM's conv layer; it does not apply to " + method);
        }
        Path map = Path.of(args.value("--out").orElseThrow(() -> new UsageException(
                "explain needs --out MAP.png, where to draw the attribution")));
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        InsightCommands.requireData(t, project);
        ObjectNode o = MAPPER.createObjectNode();
        BufferedImage picture;
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            RunInputs.Reading reading;
            RunInputs inputs;
            Integer truth = null;
            if (file != null) {
                inputs = RunInputs.of(t, project);
                reading = inputs.read(file);
            } else {
                Samples test = testPart(t, project);
                inputs = RunInputs.of(t, project, test);
                reading = inputs.sample(test, sample.get());
                truth = (int) test.require(inputs.target().name()).values()[sample.get()];
            }
            if (reading.count() != 1) {
                throw new UsageException(file + " has " + reading.count() + " rows; explain explains one sample, so give"
                        + " a file with one row");
            }
            if (net.output().shape().rank() != 1) {
                throw new UsageException("run " + t.runId() + "'s output '" + net.output().nodeId() + "' gives "
                        + net.output().shape().describe() + "; explain explains networks that score classes of a"
                        + " whole sample");
            }
            int classes = net.output().shape().dim(0);
            List<String> names = inputs.classNames(inputs.target().name(), classes);
            float[] probabilities = net.predictions(reading.values(), 1);
            int target = args.value("--class").map(k -> classOf(k, names)).orElseGet(() ->
                    ConfusionMatrix.argMax(probabilities, classes)[0]);
            Attribution a = Attributions.of(method, net, reading.values(), target, args.value("--layer").orElse(null));
            picture = switch (reading.kind()) {
                case IMAGE -> AttributionPictures.heatMap(reading.values(), imageShape(net.input().shape()), a,
                        AttributionPictures.OPACITY);
                case TABLE -> AttributionPictures.bars(reading.labels(), a.values());
                case TEXT -> AttributionPictures.tokens(reading.labels(), a.values());
            };
            o.put("method", method);
            o.put("class", names.get(target));
            o.put("class_id", target);
            InsightJson.put(o, "probability", probabilities[target]);
            if (truth != null) {
                o.put("sample", sample.get());
                o.put("true_class", names.get(truth));
            }
            InsightJson.nested(o.putArray("input"), reading.values(), reading.kind() == RunInputs.Reading.Kind.IMAGE
                    ? imageShape(net.input().shape()) : net.input().shape());
            InsightJson.nested(o.putArray("attribution"), a.values(), a.shape());
            o.put("out", map.toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            Path parent = map.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(picture, "png", map.toFile())) {
                throw new UsageException("cannot write a PNG image to " + map);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + map + ": " + e.getMessage());
        }
        if (args.has("--json")) {
            out.println(o);
        } else {
            out.println(method + " of class " + Cli.printable(o.get("class").asText()) + " (probability "
                    + String.format(java.util.Locale.ROOT, "%.4f", o.get("probability").asDouble(Double.NaN))
                    + ") drawn to " + map);
        }
        return 0;
    }

    /** The run's test part, as it split its data. */
    static Samples testPart(TrainedRun t, Path project) {
        Samples test;
        try {
            test = DataSources.loadSplit(t.settings(), project.toAbsolutePath().getParent(), NetworkEnds.of(t.graph()),
                    notice -> { }).test();
        } catch (DataFileException e) {
            throw new UsageException(e.getMessage());
        }
        if (test.size() == 0) {
            throw new UsageException("run " + t.runId() + " kept no test part; " + (DataOption.forApp()
                    ? "explain a file under Predict a file" : "explain a file with --input FILE"));
        }
        return test;
    }

    /** A class given as an id or a name. */
    private static int classOf(String text, List<String> names) {
        int byName = names.indexOf(text);
        if (byName >= 0) {
            return byName;
        }
        try {
            int k = Integer.parseInt(text.trim());
            if (k >= 0 && k < names.size()) {
                return k;
            }
        } catch (NumberFormatException e) {
            // Reported below with the classes there are.
        }
        throw new UsageException("--class must be a class id from 0 to " + (names.size() - 1) + " or a class name ("
                + String.join(", ", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? ", ..." : "")
                + "); got '" + text + "'");
    }

    /** The image shape behind an input: its own, or the square a flattened image was. */
    static Shape imageShape(Shape input) {
        if (input.rank() == 3) {
            return input;
        }
        long n = input.size();
        int side = (int) Math.round(Math.sqrt(n));
        if ((long) side * side == n) {
            return Shape.of(1, side, side);
        }
        int side3 = (int) Math.round(Math.sqrt(n / 3.0));
        return Shape.of(3, side3, side3);
    }
}
