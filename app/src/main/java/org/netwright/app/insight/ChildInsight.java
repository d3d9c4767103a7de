package org.netwright.app.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.netwright.app.training.ChildCommand;

/**
 * Asks the runner's CLI in a child JVM (the app's own class path): {@code evaluate PROJECT --json} and
 * {@code explain PROJECT --sample N --json}. DJL and its gradient collector stay out of the app's process.
 */
public final class ChildInsight implements InsightSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 600;

    @Override
    public InsightData.Evaluation evaluate(Path project, Long run) throws IOException {
        List<String> args = new ArrayList<>(List.of("evaluate", project.toAbsolutePath().toString(), "--predictions",
                "--json"));
        if (run != null) {
            args.addAll(List.of("--run", Long.toString(run)));
        }
        return parseEvaluation(JSON.readTree(call(args)));
    }

    @Override
    public InsightData.Saliency explain(Path project, Long run, int sample, String method) throws IOException {
        Path map = Files.createTempFile("netwright-explain", ".png");
        try {
            List<String> args = new ArrayList<>(List.of("explain", project.toAbsolutePath().toString(), "--sample",
                    Integer.toString(sample), "--method", method, "--out", map.toString(), "--json"));
            if (run != null) {
                args.addAll(List.of("--run", Long.toString(run)));
            }
            return parseSaliency(JSON.readTree(call(args)));
        } finally {
            Files.deleteIfExists(map);
        }
    }

    @Override
    public InsightData.Prediction predict(Path project, Long run, Path file, int topK, String method)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("predict", project.toAbsolutePath().toString(), "--input",
                file.toAbsolutePath().toString(), "--top-k", Integer.toString(topK), "--json"));
        if (run != null) {
            args.addAll(List.of("--run", Long.toString(run)));
        }
        JsonNode answer = JSON.readTree(call(args));
        if (answer.has("rows")) {
            throw new IOException(file.getFileName() + " has " + answer.path("rows").size() + " rows; pick a file with"
                    + " one sample to predict");
        }
        InsightData.Saliency saliency = null;
        String problem = "";
        if (answer.has("predictions")) {
            Path map = Files.createTempFile("netwright-explain", ".png");
            try {
                List<String> explain = new ArrayList<>(List.of("explain", project.toAbsolutePath().toString(),
                        "--input", file.toAbsolutePath().toString(), "--method", method, "--out", map.toString(),
                        "--json"));
                if (run != null) {
                    explain.addAll(List.of("--run", Long.toString(run)));
                }
                saliency = parseSaliency(JSON.readTree(call(explain)));
            } catch (IOException e) {
                // The prediction stands on its own; say why there is no map beside it.
                problem = e.getMessage();
            } finally {
                Files.deleteIfExists(map);
            }
        }
        return parsePrediction(file.getFileName().toString(), answer, saliency, problem);
    }

    private static List<String> inspect(Path project, Long run, String what, String... more) {
        List<String> args = new ArrayList<>(List.of("inspect", project.toAbsolutePath().toString(), "--what", what));
        args.addAll(List.of(more));
        if (run != null) {
            args.addAll(List.of("--run", Long.toString(run)));
        }
        args.add("--json");
        return args;
    }

    @Override
    public List<InsightData.Layer> layers(Path project, Long run) throws IOException {
        return parseLayers(JSON.readTree(call(inspect(project, run, "layers"))));
    }

    @Override
    public InsightData.Maps maps(Path project, Long run, String what, String layer, int sample, int head)
            throws IOException {
        List<String> more = new ArrayList<>(List.of("--layer", layer));
        if (!what.equals("filters")) {
            more.addAll(List.of("--sample", Integer.toString(sample)));
        }
        if (what.equals("attention")) {
            more.addAll(List.of("--head", Integer.toString(head)));
        }
        return parseMaps(JSON.readTree(call(inspect(project, run, what, more.toArray(String[]::new)))));
    }

    @Override
    public InsightData.Neighbours neighbours(Path project, Long run, String layer, String token, int k)
            throws IOException {
        JsonNode o = JSON.readTree(call(inspect(project, run, "neighbours", "--layer", layer, "--token", token, "--k",
                Integer.toString(k))));
        List<InsightData.ClassProbability> near = new ArrayList<>();
        o.path("neighbours").forEach(n -> near.add(new InsightData.ClassProbability(n.path("name").asText(),
                number(n.path("similarity")))));
        return new InsightData.Neighbours(o.path("layer").asText(), o.path("token").path("name").asText(), near);
    }

    @Override
    public InsightData.Reconstructions reconstructions(Path project, Long run, int count) throws IOException {
        JsonNode o = JSON.readTree(call(inspect(project, run, "reconstructions", "--count", Integer.toString(count))));
        return new InsightData.Reconstructions(ints(o.path("shape")), o.path("count").asInt(), flat(o.path("inputs")),
                flat(o.path("outputs")));
    }

    @Override
    public InsightData.Latent latent(Path project, Long run) throws IOException {
        return parseLatent(JSON.readTree(call(inspect(project, run, "latent"))));
    }

    @Override
    public InsightData.TestSamples samples(Path project, Long run, List<Integer> indices) throws IOException {
        String list = String.join(",", indices.stream().map(String::valueOf).toList());
        return parseSamples(JSON.readTree(call(inspect(project, run, "samples", "--samples", list))));
    }

    @Override
    public InsightData.TestSamples firstSamples(Path project, Long run, int count) throws IOException {
        return parseSamples(JSON.readTree(call(inspect(project, run, "samples", "--samples", "first:" + count))));
    }

    @Override
    public InsightData.Interpolation interpolate(Path project, Long run, int from, int to, int steps)
            throws IOException {
        Path out = Files.createTempDirectory("netwright-interpolate");
        try {
            List<String> args = new ArrayList<>(List.of("generate", project.toAbsolutePath().toString(),
                    "--interpolate", from + "," + to, "--count", Integer.toString(steps), "--out", out.toString(),
                    "--json", "--values"));
            if (run != null) {
                args.addAll(List.of("--run", Long.toString(run)));
            }
            return parseInterpolation(JSON.readTree(call(args)), from, to);
        } finally {
            try (var files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static InsightData.Interpolation parseInterpolation(JsonNode o, int from, int to) throws IOException {
        if (!o.has("values")) {
            throw new IOException("the interpolation gave no values for run " + o.path("run").asLong());
        }
        return new InsightData.Interpolation(o.path("run").asLong(), from, to, o.path("count").asInt(),
                ints(o.path("sample_shape")), flat(o.path("values")));
    }

    @Override
    public InsightData.Activations activations(Path project, Long run, int count) throws IOException {
        return parseActivations(JSON.readTree(call(inspect(project, run, "activations", "--count",
                Integer.toString(count)))));
    }

    @Override
    public InsightData.RunNature nature(Path project, Long run) throws IOException {
        // Read from the project file as the CLI commands read it (the run's settings, the project's network): the
        // window decides its views before any child starts.
        try (org.netwright.model.store.ProjectStore store = org.netwright.model.store.ProjectStore.open(project)) {
            long id = runOf(store, project, run);
            org.netwright.model.store.RunRecord record = store.runs().stream().filter(r -> r.id() == id).findFirst()
                    .orElseThrow(() -> new IOException(project.getFileName() + " has no run " + id));
            org.netwright.model.settings.TrainingSettings settings = org.netwright.model.json.SettingsJson.read(
                    record.settingsJson());
            org.netwright.model.graph.Graph graph = store.loadGraph();
            org.netwright.model.task.NetworkKind kind = org.netwright.model.task.NetworkKind.of(graph, settings);
            Path baseDir = project.toAbsolutePath().getParent();
            boolean graphs = settings.data() != null && (org.netwright.runner.data.DataSources.isGraphSet(
                    settings.data(), baseDir) || org.netwright.runner.data.DataSources.isGraph(settings.data(),
                    baseDir));
            boolean code = settings.task() != null
                    ? org.netwright.model.task.GraphCuts.codeLayer(graph, settings.task()).isPresent()
                    : kind.task().equals(org.netwright.model.task.NetworkKind.RECONSTRUCTION)
                    && org.netwright.model.task.GraphCuts.bottleneck(graph).isPresent();
            return new InsightData.RunNature(id, kind.family(), kind.task(), graphs, code);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public GradientHeatMap gradients(Path project, Long run) throws IOException {
        // Read straight from the project file: the norms are stored metrics, no network is needed.
        try (org.netwright.model.store.ProjectStore store = org.netwright.model.store.ProjectStore.open(project)) {
            long id = runOf(store, project, run);
            return GradientHeatMap.of(id, store.metrics(id));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public InsightData.TrainingActivations trainingActivations(Path project, Long run) throws IOException {
        // Stored with the run's epochs like the gradient norms: read from the file, no child.
        try (org.netwright.model.store.ProjectStore store = org.netwright.model.store.ProjectStore.open(project)) {
            long id = runOf(store, project, run);
            return new InsightData.TrainingActivations(id, org.netwright.model.run.ActivationRecords.byEpoch(
                    store.metrics(id, org.netwright.model.run.ActivationRecords.KEY_PREFIXES)));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code run}, or when null the latest run with a checkpoint (the one the CLI commands look at). */
    private static long runOf(org.netwright.model.store.ProjectStore store, Path project, Long run)
            throws IOException {
        if (run != null) {
            return run;
        }
        List<org.netwright.model.store.RunRecord> runs = store.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (store.checkpointCount(runs.get(i).id()) > 0) {
                return runs.get(i).id();
            }
        }
        throw new IOException(project.getFileName() + " has no trained run yet");
    }

    /** Samples on a grid: {@value #GRID} for a plain generator, one row of up to 8 per class for a conditional one. */
    private static final int GRID = 32;

    @Override
    public InsightData.Generated generate(Path project, Long run, long seed) throws IOException {
        Path out = Files.createTempDirectory("netwright-generate");
        try {
            List<String> base = new ArrayList<>(List.of("generate", project.toAbsolutePath().toString(), "--out",
                    out.toString(), "--seed", Long.toString(seed), "--json", "--values"));
            if (run != null) {
                base.addAll(List.of("--run", Long.toString(run)));
            }
            List<String> perClass = new ArrayList<>(base);
            perClass.addAll(List.of("--count", "6", "--per-class"));
            try {
                return parseGenerated(JSON.readTree(call(perClass)), true);
            } catch (IOException e) {
                if (!e.getMessage().contains("conditional GAN")) {
                    throw e;
                }
            }
            List<String> plain = new ArrayList<>(base);
            plain.addAll(List.of("--count", Integer.toString(GRID)));
            return parseGenerated(JSON.readTree(call(plain)), false);
        } finally {
            try (var files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static InsightData.Generated parseGenerated(JsonNode o, boolean perClass) throws IOException {
        if (!o.has("values")) {
            throw new IOException("run " + o.path("run").asLong() + " writes " + o.path("kind").asText("files")
                    + " samples (a language model's texts), which this tab does not draw: it draws images and"
                    + " 2-D points");
        }
        int rows = perClass ? o.path("rows").asInt(1) : 4;
        int cols = perClass ? o.path("cols").asInt(1) : GRID / 4;
        int[] shape = ints(o.path("sample_shape"));
        float[] values = flat(o.path("values"));
        // A grid holds at most RunEvent.Samples.MAX samples: fewer per row when there are many classes.
        int max = org.netwright.model.run.RunEvent.Samples.MAX;
        if (rows * cols > max) {
            int keep = Math.max(1, max / rows);
            int size = values.length / Math.max(1, rows * cols);
            float[] kept = new float[Math.min(rows, max) * keep * size];
            for (int r = 0; r < Math.min(rows, max); r++) {
                System.arraycopy(values, r * cols * size, kept, r * keep * size, keep * size);
            }
            rows = Math.min(rows, max);
            cols = keep;
            values = kept;
        }
        return new InsightData.Generated(o.path("run").asLong(), rows, cols, shape, values, perClass);
    }

    static InsightData.TestSamples parseSamples(JsonNode o) {
        List<String> features = new ArrayList<>();
        o.path("features").forEach(f -> features.add(f.asText()));
        List<InsightData.TestSample> samples = new ArrayList<>();
        o.path("samples").forEach(s -> {
            List<String> tokens = new ArrayList<>();
            s.path("tokens").forEach(t -> tokens.add(t.asText()));
            samples.add(new InsightData.TestSample(s.path("index").asInt(), flat(s.path("values")), tokens));
        });
        return new InsightData.TestSamples(o.path("kind").asText(), ints(o.path("shape")), features, samples);
    }

    static InsightData.Activations parseActivations(JsonNode o) {
        List<InsightData.LayerActivations> layers = new ArrayList<>();
        o.path("layers").forEach(l -> {
            long[] histogram = new long[l.path("histogram").size()];
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] = l.path("histogram").path(i).asLong();
            }
            layers.add(new InsightData.LayerActivations(l.path("id").asText(), l.path("type").asText(),
                    l.path("count").asLong(), number(l.path("mean")), number(l.path("std")), number(l.path("zeros")),
                    number(l.path("saturated")), number(l.path("min")), number(l.path("max")), histogram));
        });
        return new InsightData.Activations(o.path("run").asLong(), o.path("samples").asInt(), layers);
    }

    static List<InsightData.Layer> parseLayers(JsonNode o) {
        List<InsightData.Layer> layers = new ArrayList<>();
        o.path("layers").forEach(l -> {
            List<String> offers = new ArrayList<>();
            l.path("offers").forEach(x -> offers.add(x.asText()));
            layers.add(new InsightData.Layer(l.path("id").asText(), l.path("type").asText(), offers,
                    l.path("heads").asInt(0)));
        });
        return layers;
    }

    static InsightData.Maps parseMaps(JsonNode o) {
        List<String> tokens = new ArrayList<>();
        o.path("tokens").forEach(t -> tokens.add(t.asText()));
        return new InsightData.Maps(o.path("what").asText(), o.path("layer").asText(), ints(o.path("shape")),
                flat(o.path("values")), tokens, o.path("head").asInt(0), o.path("heads").asInt(0));
    }

    static InsightData.Latent parseLatent(JsonNode o) {
        int n = o.path("points").size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = number(o.path("points").path(i).path(0));
            ys[i] = number(o.path("points").path(i).path(1));
        }
        int[] classes = ints(o.path("classes"));
        List<String> names = new ArrayList<>();
        o.path("class_names").forEach(c -> names.add(c.asText()));
        return new InsightData.Latent(o.path("layer").asText(), o.path("dims").asInt(), xs, ys, classes, names);
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.path(i).asInt();
        }
        return out;
    }

    static InsightData.Prediction parsePrediction(String file, JsonNode o, InsightData.Saliency saliency,
                                                  String problem) {
        List<InsightData.ClassProbability> classes = new ArrayList<>();
        o.path("predictions").forEach(p -> classes.add(new InsightData.ClassProbability(p.path("class").asText(),
                number(p.path("probability")))));
        double[] values = new double[o.path("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(o.path("values").path(i));
        }
        return new InsightData.Prediction(file, classes, values, saliency, problem);
    }

    /** Runs the CLI with {@code args}; its one line of JSON, or an IOException with its one-line message. */
    private static String call(List<String> args) throws IOException {
        List<String> cmd = ChildCommand.cli(args);
        Path errors = Files.createTempFile("netwright-insight", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            String out;
            try (InputStream o = p.getInputStream()) {
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(args.get(0) + " took longer than " + TIMEOUT_SECONDS + " s and was ended");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(args.get(0) + " was interrupted");
            }
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            return answer(args, p.exitValue(), out, err);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String answer(List<String> args, int status, String out, String err) throws IOException {
        if (status != 0) {
            String line = err.lines().filter(l -> l.startsWith("netwright:")).reduce((a, b) -> b)
                    .orElse(args.get(0) + " failed with status " + status);
            throw new IOException(line.replaceFirst("^netwright: ", ""));
        }
        return out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new IOException(
                args.get(0) + " printed no answer"));
    }

    static InsightData.Evaluation parseEvaluation(JsonNode o) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber() && !List.of("run", "samples").contains(e.getKey())) {
                metrics.put(e.getKey(), e.getValue().asDouble());
            }
        });
        List<String> classes = new ArrayList<>();
        o.path("classes").forEach(c -> classes.add(c.asText()));
        long[][] confusion = new long[classes.size()][classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            for (int j = 0; j < classes.size(); j++) {
                confusion[i][j] = o.path("confusion").path(i).path(j).asLong();
            }
        }
        List<InsightData.ClassScores> perClass = new ArrayList<>();
        o.path("per_class").forEach(c -> perClass.add(new InsightData.ClassScores(c.path("class").asText(),
                number(c.path("precision")), number(c.path("recall")), c.path("count").asLong())));
        JsonNode listed = o.path("predictions");
        InsightData.Values values = InsightData.Values.NONE;
        if (listed.isObject() && classes.isEmpty()) {
            double[] truth = new double[listed.path("true").size()];
            double[] predicted = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = number(listed.path("true").path(i));
                predicted[i] = number(listed.path("predicted").path(i));
            }
            values = new InsightData.Values(truth, predicted, Math.max(1, listed.path("width").asInt(1)));
        }
        InsightData.Answers answers = InsightData.Answers.NONE;
        if (listed.isObject() && !classes.isEmpty() && listed.has("probability")) {
            int n = listed.path("true").size();
            int[] truth = new int[n];
            int[] predicted = new int[n];
            double[] probability = new double[n];
            double[] trueProbability = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = listed.path("true").path(i).asInt();
                predicted[i] = listed.path("predicted").path(i).asInt();
                probability[i] = number(listed.path("probability").path(i));
                trueProbability[i] = number(listed.path("true_probability").path(i));
            }
            answers = new InsightData.Answers(truth, predicted, probability, trueProbability);
        }
        return new InsightData.Evaluation(o.path("run").asLong(), o.path("samples").asInt(), metrics, classes,
                confusion, perClass, values, answers);
    }

    static InsightData.Saliency parseSaliency(JsonNode o) {
        JsonNode input = o.path("input");
        int c;
        int h;
        int w;
        if (input.path(0).path(0).isArray()) {
            c = input.size();
            h = input.path(0).size();
            w = input.path(0).path(0).size();
        } else {
            // Not an image: one row of values (a table or tokens), drawn as a strip.
            c = 1;
            h = 1;
            w = input.size();
        }
        return new InsightData.Saliency(o.path("sample").asInt(), o.path("method").asText(), c, h, w, flat(input),
                flat(o.path("attribution")), o.path("class").asText(), number(o.path("probability")),
                o.path("true_class").asText(""));
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static float[] flat(JsonNode n) {
        List<Float> out = new ArrayList<>();
        collect(n, out);
        float[] f = new float[out.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.get(i);
        }
        return f;
    }

    private static void collect(JsonNode n, List<Float> out) {
        if (n.isArray()) {
            n.forEach(child -> collect(child, out));
        } else {
            out.add(n.isNumber() ? n.floatValue() : Float.NaN);
        }
    }
}
