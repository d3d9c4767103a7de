package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataOption;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.explain.ConfusionMatrix;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.RunEvaluator;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/**
 * {@code netwright evaluate PROJECT [--run ID] [--data PATH] [--json]}: a trained run's loss and metrics on its test
 * part (or on another data file read like its own), and for classes the confusion matrix (rows are true classes,
 * columns predicted ones) with each class's precision, recall and count.
 */
final class EvaluateCommand {
    static final String USAGE = "evaluate FILE.nwproj [--run ID] [--data PATH] [--predictions] [--json]";
    /** The most samples {@code --predictions} lists, so a large test part still answers in one readable line. */
    static final int MAX_LISTED = 5000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 256;

    private EvaluateCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--run", "--data"), Set.of("--json", "--predictions"));
        Path project = InsightCommands.project(args, "evaluate", USAGE);
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        InsightCommands.requireData(t, project);
        Path baseDir = project.toAbsolutePath().getParent();
        Samples.Split split;
        Samples part;
        String partName;
        try {
            split = DataSources.loadSplit(t.settings(), baseDir, NetworkEnds.of(t.graph()), notice -> { });
            if (args.value("--data").isPresent()) {
                Path file = Path.of(args.value("--data").get());
                part = other(t, project, file, split.train());
                partName = file.toString();
            } else {
                part = split.test();
                partName = "test";
                if (part.size() == 0) {
                    throw new UsageException("run " + t.runId() + " kept no test part (its test split is 0); "
                            + (DataOption.forApp() ? "set a test fraction with " + DataOption.SPLIT.where()
                            + " and train again, or look at a file under Predict a file"
                            : "evaluate it on a file with --data PATH"));
                }
            }
        } catch (DataFileException e) {
            throw new UsageException(e.getMessage());
        }
        RunEvaluator.Scores scores;
        try {
            scores = RunEvaluator.score(t.graph(), t.task(), t.weights(), split.train(), part, t.settings().seed());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("run", t.runId());
        o.put("part", partName);
        o.put("samples", part.size());
        if (scores.loss() != null) {
            InsightJson.put(o, "loss", scores.loss());
        }
        scores.metrics().forEach((k, v) -> InsightJson.put(o, k, v));
        String target = t.task().objectives().get(0).target();
        DataField targetField = part.require(target).field();
        ConfusionMatrix matrix = null;
        List<String> names = null;
        if (targetField.kind() == DataField.Kind.CLASS_ID) {
            Answers answers = classAnswers(t, part, target, targetField.classes());
            matrix = ConfusionMatrix.of(targetField.classes(), answers.truth(), answers.predicted());
            if (args.has("--predictions")) {
                listClasses(o.putObject("predictions"), answers);
            }
            names = RunInputs.of(t, project, split.train()).classNames(target, targetField.classes());
            ArrayNode classes = o.putArray("classes");
            names.forEach(classes::add);
            ArrayNode confusion = o.putArray("confusion");
            for (long[] row : matrix.counts()) {
                ArrayNode r = confusion.addArray();
                for (long c : row) {
                    r.add(c);
                }
            }
            ArrayNode perClass = o.putArray("per_class");
            for (int k = 0; k < matrix.classes(); k++) {
                ObjectNode c = perClass.addObject();
                c.put("class", names.get(k));
                InsightJson.put(c, "precision", matrix.precision(k));
                InsightJson.put(c, "recall", matrix.recall(k));
                c.put("count", matrix.count(k));
            }
        }
        if (args.has("--predictions") && targetField.kind() == DataField.Kind.VALUES) {
            listValues(o.putObject("predictions"), t, project, part, split.train(), target);
        }
        if (args.has("--json")) {
            out.println(o);
            return 0;
        }
        Map<String, Double> shown = new LinkedHashMap<>();
        if (scores.loss() != null) {
            shown.put("loss", scores.loss());
        }
        shown.putAll(scores.metrics());
        StringBuilder line = new StringBuilder("run " + t.runId() + " on " + (partName.equals("test") ? "its test part"
                : partName) + " (" + part.size() + " samples):");
        shown.forEach((k, v) -> line.append(' ').append(k).append(' ').append(String.format(java.util.Locale.ROOT,
                "%.4f", v)));
        out.println(line);
        if (matrix != null) {
            out.println("confusion (rows: true class, columns: predicted):");
            for (int k = 0; k < matrix.classes(); k++) {
                StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-14s", Cli.printable(
                        names.get(k))));
                for (long c : matrix.counts()[k]) {
                    row.append(String.format(java.util.Locale.ROOT, " %6d", c));
                }
                row.append(String.format(java.util.Locale.ROOT, "   precision %.3f  recall %.3f  count %d",
                        matrix.precision(k), matrix.recall(k), matrix.count(k)));
                out.println(row);
            }
        }
        return 0;
    }

    /**
     * A regression's true and predicted values of the part's first {@link #MAX_LISTED} samples, in the data's own
     * units (the run's standardization undone), each sample's values one after another ({@code width} per sample).
     */
    private static void listValues(ObjectNode into, TrainedRun t, Path project, Samples part, Samples train,
                                   String target) {
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            String field = t.task().fieldOf(net.input().nodeId()).orElseThrow();
            float[] x = part.require(field).values();
            float[] y = part.require(target).values();
            int in = Math.toIntExact(net.input().shape().size());
            int width = Math.toIntExact(net.output().shape().size());
            int n = Math.min(part.size(), MAX_LISTED);
            if (y.length != (long) part.size() * width) {
                throw new UsageException("run " + t.runId() + "'s output '" + net.output().nodeId() + "' gives "
                        + width + " values per sample but its target '" + target + "' has "
                        + y.length / Math.max(1, part.size()) + "; --predictions lists outputs shaped like the target");
            }
            var back = RunInputs.of(t, project, train).data().transform(target);
            double[] offset = back.offset();
            double[] scale = back.scale();
            ArrayNode truth = into.putArray("true");
            ArrayNode predicted = into.putArray("predicted");
            into.put("width", width);
            into.put("listed", n);
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                float[] p = net.predictions(java.util.Arrays.copyOfRange(x, from * in, to * in), to - from);
                for (int i = 0; i < p.length; i++) {
                    int j = offset.length <= 1 ? 0 : i % offset.length;
                    InsightJson.add(truth, unscaled(y[from * width + i], offset, scale, j));
                    InsightJson.add(predicted, unscaled(p[i], offset, scale, j));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A value the run saw as (raw - offset) / scale, back in the data's units. */
    private static double unscaled(float v, double[] offset, double[] scale, int j) {
        return offset.length == 0 ? v : v * scale[j] + offset[j];
    }

    /**
     * Each sample's true class, predicted class (the highest probability's), the probability the run gave its
     * predicted class and the probability it gave the true class.
     */
    record Answers(int[] truth, int[] predicted, float[] probability, float[] trueProbability) {
    }

    /** The run's answers on the part, sample by sample, against its class field. */
    private static Answers classAnswers(TrainedRun t, Samples part, String target, int classes) {
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            String field = t.task().fieldOf(net.input().nodeId()).orElseThrow();
            float[] x = part.require(field).values();
            float[] y = part.require(target).values();
            int width = Math.toIntExact(net.input().shape().size());
            int n = part.size();
            int[] truth = new int[n];
            int[] predicted = new int[n];
            float[] probability = new float[n];
            float[] trueProbability = new float[n];
            for (int i = 0; i < n; i++) {
                truth[i] = (int) y[i];
            }
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                float[] batch = java.util.Arrays.copyOfRange(x, from * width, to * width);
                // Probabilities rank classes as the scores do (a softmax keeps the order), so one pass serves both.
                float[] p = net.predictions(batch, to - from);
                int[] best = ConfusionMatrix.argMax(p, classes);
                for (int i = 0; i < to - from; i++) {
                    predicted[from + i] = best[i];
                    probability[from + i] = p[i * classes + best[i]];
                    int k = truth[from + i];
                    trueProbability[from + i] = k >= 0 && k < classes ? p[i * classes + k] : Float.NaN;
                }
            }
            return new Answers(truth, predicted, probability, trueProbability);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The first {@link #MAX_LISTED} samples' answers: {@code true} and {@code predicted} class ids, {@code probability}
     * of the predicted class and {@code true_probability} of the true one, index by index (the app lists a confusion
     * cell's samples from them).
     */
    private static void listClasses(ObjectNode into, Answers a) {
        int n = Math.min(a.truth().length, MAX_LISTED);
        into.put("listed", n);
        ArrayNode truth = into.putArray("true");
        ArrayNode predicted = into.putArray("predicted");
        ArrayNode probability = into.putArray("probability");
        ArrayNode trueProbability = into.putArray("true_probability");
        for (int i = 0; i < n; i++) {
            truth.add(a.truth()[i]);
            predicted.add(a.predicted()[i]);
            InsightJson.add(probability, a.probability()[i]);
            InsightJson.add(trueProbability, a.trueProbability()[i]);
        }
    }

    /**
     * An image folder's labels as the run's class ids: the folder's classes are its own sub-folders in name order, so
     * a folder that lacks one of the run's classes (or has them in another order) is mapped by class name.
     */
    private static Samples sameClassIds(TrainedRun t, Path project, Path dir, Samples data, Samples train) {
        if (!Files.isDirectory(dir) || data.column("label").isEmpty() || train.column("label").isEmpty()) {
            return data;
        }
        DataField runLabel = train.require("label").field();
        List<String> runClasses = RunInputs.of(t, project, train).classNames("label", runLabel.classes());
        Path classRoot = Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"))
                ? dir.resolve("train") : dir;
        List<String> folders;
        try (var entries = Files.list(classRoot)) {
            folders = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read the folder " + dir + ": " + e.getMessage());
        }
        int[] map = new int[folders.size()];
        for (int i = 0; i < folders.size(); i++) {
            map[i] = runClasses.indexOf(folders.get(i));
            if (map[i] < 0) {
                throw new UsageException(dir + " has a class folder '" + folders.get(i) + "' that run " + t.runId()
                        + " never learned; its classes are " + String.join(", ", runClasses));
            }
        }
        float[] ids = data.require("label").values().clone();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = map[(int) ids[i]];
        }
        List<Samples.Column> columns = new java.util.ArrayList<>();
        for (DataField f : data.fields()) {
            columns.add(f.name().equals("label") ? new Samples.Column(runLabel, ids) : data.require(f.name()));
        }
        return new Samples(columns, data.size(), data.ordered());
    }

    /** Another data file read as the run's own data (same kind and options), checked to have the same fields. */
    private static Samples other(TrainedRun t, Path project, Path file, Samples train) {
        if (!Files.exists(file)) {
            throw new UsageException("there is no file or folder " + file);
        }
        DataRecipe guessed = DataSources.recipeFor(file);
        DataRecipe own = t.settings().data();
        DataRecipe recipe = guessed;
        if (own != null && own.kind().equals(guessed.kind())) {
            Map<String, Object> options = new LinkedHashMap<>(own.options());
            options.put("path", file.toString());
            recipe = new DataRecipe(own.kind(), options);
        }
        Samples loaded;
        try {
            loaded = DataSources.fitTo(DataSources.loadSamples(recipe, null, t.settings().seed()),
                    NetworkEnds.of(t.graph()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Samples data = sameClassIds(t, project, file, loaded, train);
        for (DataField f : train.fields()) {
            DataField g = data.column(f.name()).map(Samples.Column::field).orElseThrow(() -> new UsageException(file
                    + " gives the fields " + String.join(", ", data.fields().stream().map(DataField::name).toList())
                    + " but run " + t.runId() + " trained on " + String.join(", ", train.fields().stream()
                    .map(DataField::name).toList())));
            if (!g.equals(f)) {
                throw new UsageException(file + "'s field '" + f.name() + "' is " + g.describe() + " but run "
                        + t.runId() + " trained on " + f.describe());
            }
        }
        return data;
    }
}
