package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.task.GraphCuts;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.runner.generate.GanSampler;
import org.netwright.runner.generate.SampleFiles;
import org.netwright.runner.generate.TokenSampler;
import org.netwright.runner.data.TextData;
import org.netwright.templates.data.TextVocabulary;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/**
 * {@code netwright generate PROJECT --count N --out DIR}: samples from a project's trained generative model (its
 * latest run with a checkpoint, or {@code --run ID}): a GAN's generator or a VAE's decoder on fresh noise (PNG
 * files for images, one CSV for vectors), or a causal language model's token sequences (text files). With
 * {@code --per-class} a conditional GAN draws {@code --count} samples of each class; with {@code --json --values} the
 * answer also holds the samples ({@code rows} (classes, else 1), {@code cols}, {@code sample_shape}, {@code values}).
 * {@code --interpolate A,B} a VAE's decoder walks the straight line between the latent means of test samples A and B
 * in {@code --count} points, ends included ({@code --values}: the points in the answer, one row).
 */
final class GenerateCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_COUNT = 100_000;
    /** The most samples {@code --values} puts in the JSON answer. */
    static final int MAX_VALUES = 256;

    private GenerateCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--count", "--out", "--run", "--seed", "--class", "--temperature",
                "--top-k", "--interpolate"), Set.of("--json", "--values", "--per-class"));
        if (args.positionals().size() != 1 || !args.positionals().get(0).endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException("generate takes one project file: generate PROJECT.nwproj --count N --out DIR");
        }
        Path project = Path.of(args.positionals().get(0));
        int count = args.intValue("--count", 1, MAX_COUNT).orElseThrow(() -> new UsageException(
                "generate needs --count N, how many samples to write"));
        Path dir = Path.of(args.value("--out").orElseThrow(() -> new UsageException(
                "generate needs --out DIR, the folder to write the samples in")));
        long seed = args.longValue("--seed").orElse(1L);
        double temperature = args.doubleValue("--temperature", 0, 100).orElse(1.0);
        int topK = args.intValue("--top-k", 0, 10_000_000).orElse(0);
        if (!Files.isRegularFile(project)) {
            throw new UsageException("there is no file " + project);
        }
        TrainedRun t = TrainedRun.load(project, args.value("--run"));
        Optional<Integer> condition = args.intValue("--class", 0, Integer.MAX_VALUE);
        if (args.has("--per-class") && condition.isPresent()) {
            throw new UsageException("generate takes --class K or --per-class, not both");
        }
        // With --values the JSON carries the samples themselves (one grid row per class with --per-class).
        float[] drawn = null;
        int[] shapeDrawn = null;
        int rows = 1;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot make the folder " + dir + ": " + e.getMessage());
        }
        List<Path> files;
        String kind;
        int[] ends = args.value("--interpolate").map(GenerateCommand::ends).orElse(null);
        if (ends != null && !Task.VAE.equals(t.task().recipe()) && autoencoderCode(t).isEmpty()) {
            throw new UsageException("--interpolate walks between two samples' codes in a VAE or an autoencoder (a"
                    + " layer giving a vector between an input and an output that rebuilds it); run " + t.runId()
                    + " trained a " + describe(t) + " without such a layer");
        }
        try {
            if (ends != null) {
                if (condition.isPresent() || args.has("--per-class") || args.has("--temperature")
                        || args.has("--top-k")) {
                    throw new UsageException("--interpolate takes no --class, --per-class, --temperature or --top-k");
                }
                if (args.has("--values") && count > MAX_VALUES) {
                    throw new UsageException("--values lists at most " + MAX_VALUES + " samples; asked for " + count);
                }
                float[] values = interpolate(t, project, ends, count);
                try (GanSampler decoder = decoder(t)) {
                    if (args.has("--values")) {
                        drawn = values;
                        shapeDrawn = decoder.sampleShape().toArray();
                    }
                    boolean image = SampleFiles.isImage(decoder.sampleShape());
                    kind = image ? "png" : "csv";
                    files = image ? SampleFiles.writeImages(dir, values, decoder.sampleShape())
                            : SampleFiles.writeCsv(dir, values, decoder.sampleShape());
                }
            } else if (Task.GAN.equals(t.task().recipe()) || Task.VAE.equals(t.task().recipe())) {
                if (args.has("--temperature") || args.has("--top-k")) {
                    throw new UsageException("--temperature and --top-k apply to language models; run " + t.runId()
                            + " trained a " + t.task().recipe().toUpperCase());
                }
                try (GanSampler sampler = Task.GAN.equals(t.task().recipe()) ? GanSampler.open(t.graph(), t.task(), t.weights())
                        : decoder(t)) {
                    int[] classes = null;
                    if (condition.isPresent()) {
                        if (!sampler.conditional()) {
                            throw new UsageException("--class applies to a conditional GAN; run " + t.runId()
                                    + "'s generator reads no class");
                        }
                        if (condition.get() >= sampler.classes()) {
                            throw new UsageException("--class must be a class id from 0 to " + (sampler.classes() - 1)
                                    + "; got " + condition.get());
                        }
                        classes = new int[count];
                        java.util.Arrays.fill(classes, condition.get());
                    }
                    if (args.has("--per-class")) {
                        if (!sampler.conditional()) {
                            throw new UsageException("--per-class applies to a conditional GAN; run " + t.runId()
                                    + "'s generator reads no class");
                        }
                        rows = sampler.classes();
                        classes = new int[count * rows];
                        for (int i = 0; i < classes.length; i++) {
                            classes[i] = i / count;
                        }
                    }
                    float[] values = sampler.sample(classes == null ? count : classes.length, seed, classes);
                    if (args.has("--values")) {
                        if ((long) rows * count > MAX_VALUES) {
                            throw new UsageException("--values lists at most " + MAX_VALUES + " samples; asked for "
                                    + (long) rows * count);
                        }
                        drawn = values;
                        shapeDrawn = sampler.sampleShape().toArray();
                    }
                    boolean image = SampleFiles.isImage(sampler.sampleShape());
                    kind = image ? "png" : "csv";
                    files = image ? SampleFiles.writeImages(dir, values, sampler.sampleShape())
                            : SampleFiles.writeCsv(dir, values, sampler.sampleShape());
                }
            } else if (TokenSampler.whyNot(t.graph(), t.task()).isEmpty()) {
                if (condition.isPresent()) {
                    throw new UsageException("--class applies to a conditional GAN, not to a language model");
                }
                kind = "text";
                files = writeText(t, dir, count, seed, temperature, topK);
            } else {
                throw new UsageException("run " + t.runId() + " of " + project.getFileName() + " trained a model that"
                        + " generates nothing (a " + describe(t) + "); generate draws from GANs, VAEs and causal"
                        + " language models");
            }
        } catch (UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("--json")) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("run", t.runId());
            o.put("kind", kind);
            o.put("count", count);
            o.put("out", dir.toString());
            if (ends != null) {
                o.putArray("interpolate").add(ends[0]).add(ends[1]);
            }
            var list = o.putArray("files");
            files.forEach(f -> list.add(f.getFileName().toString()));
            if (drawn != null) {
                o.put("rows", rows);
                o.put("cols", count);
                var shape = o.putArray("sample_shape");
                for (int d : shapeDrawn) {
                    shape.add(d);
                }
                var v = o.putArray("values");
                for (float f : drawn) {
                    InsightJson.add(v, f);
                }
            }
            out.println(o);
        } else {
            out.println("wrote " + count + " samples of run " + t.runId() + " to " + dir + " (" + files.size() + " "
                    + kind + " file" + (files.size() == 1 ? "" : "s") + ")");
        }
        return 0;
    }

    /** {@code A,B}: two sample numbers of the run's test part. */
    private static int[] ends(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2) {
                int a = Integer.parseInt(parts[0].strip());
                int b = Integer.parseInt(parts[1].strip());
                if (a >= 0 && b >= 0) {
                    return new int[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UsageException("--interpolate takes two sample numbers of the test part, A,B (e.g. 0,5); got '"
                + text + "'");
    }

    /**
     * The decoder's output along the straight line between the latent means of test samples {@code ends[0]} and
     * {@code ends[1]} ({@code count} points, both ends included): the first and last decode as those samples'
     * reconstructions, since a VAE's sampling layer passes its mean when not training. For a plain autoencoder the
     * line runs between the two samples' values at its code layer ({@link GraphCuts#bottleneck}).
     */
    static float[] interpolate(TrainedRun t, Path project, int[] ends, int count) {
        InsightCommands.requireSamples(t, project);
        Samples test = ExplainCommand.testPart(t, project);
        for (int end : ends) {
            if (end >= test.size()) {
                // Said without the flag: the app's Interpolation tab lets its user type a number past the end.
                throw new UsageException("there is no test sample " + end + " to interpolate from: run " + t.runId()
                        + "'s test part holds " + test.size() + " (0 to " + (test.size() - 1) + ")");
            }
        }
        String port = latentPort(t);
        try (org.netwright.runner.explain.TrainedNetwork net = org.netwright.runner.explain.TrainedNetwork.open(
                t.graph(), t.task(), t.weights())) {
            String field = t.task().fieldOf(net.input().nodeId()).orElseThrow();
            float[] x = test.require(field).values();
            int width = Math.toIntExact(net.input().shape().size());
            float[] a = net.portValues(java.util.Arrays.copyOfRange(x, ends[0] * width, (ends[0] + 1) * width), port);
            float[] b = net.portValues(java.util.Arrays.copyOfRange(x, ends[1] * width, (ends[1] + 1) * width), port);
            float[] path = org.netwright.runner.generate.LatentPath.between(a, b, count);
            try (GanSampler decoder = decoder(t)) {
                return decoder.decode(path, count);
            }
        }
    }

    private static Node samplingLayer(TrainedRun t) {
        return t.graph().nodes().values().stream().filter(n -> n.type().equals("sampling")).findFirst()
                .orElseThrow(() -> new UsageException("run " + t.runId() + " trained a VAE, but the graph has no"
                        + " sampling layer to draw from"));
    }

    private static String describe(TrainedRun t) {
        return t.task().objectives().isEmpty() ? t.task().recipe() + " model"
                : "model trained with " + t.task().objectives().get(0).loss();
    }

    /** A plain autoencoder's code layer ({@link GraphCuts#codeLayer}), or empty for a VAE or any other run. */
    private static Optional<String> autoencoderCode(TrainedRun t) {
        return Task.PLAIN.equals(t.task().recipe()) ? GraphCuts.codeLayer(t.graph(), t.task()) : Optional.empty();
    }

    /** The port whose values are the latent code: a VAE's mean, or an autoencoder's code layer's output. */
    private static String latentPort(TrainedRun t) {
        if (!Task.VAE.equals(t.task().recipe())) {
            String code = autoencoderCode(t).orElseThrow(() -> new UsageException("run " + t.runId()
                    + "'s network has no code layer giving a vector between its input and its output"));
            return code + ".out";
        }
        Node sampling = samplingLayer(t);
        org.netwright.model.graph.Edge mu = t.graph().incoming(new org.netwright.model.graph.PortRef(sampling.id(),
                "mu")).orElseThrow(() -> new UsageException("the VAE's sampling layer '" + sampling.id()
                + "' has no mean wired to it"));
        return mu.from().nodeId() + "." + mu.from().port();
    }

    /**
     * The decoder: the layers after a VAE's sampling layer, or after an autoencoder's code layer, fed by the values
     * given in that layer's place.
     */
    private static GanSampler decoder(TrainedRun t) {
        String cut = Task.VAE.equals(t.task().recipe()) ? samplingLayer(t).id() : autoencoderCode(t).orElseThrow();
        Graph decoder;
        try {
            decoder = GraphCuts.after(t.graph(), cut);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<NetworkEnds.End> outs = NetworkEnds.of(decoder).outputs();
        if (outs.size() != 1) {
            throw new UsageException("the layers after '" + cut + "' end in " + outs.size()
                    + " outputs; generate needs exactly one");
        }
        return GanSampler.openPart(decoder, outs.get(0).nodeId(), t.weights());
    }

    private static List<Path> writeText(TrainedRun t, Path dir, int count, long seed, double temperature, int topK) {
        List<int[]> sequences = new ArrayList<>();
        Random random = new Random(seed);
        try (TokenSampler sampler = TokenSampler.open(t.graph(), t.task(), t.weights())) {
            for (int n = 0; n < count; n++) {
                int[] prompt = {random.nextInt(sampler.vocabulary())};
                sequences.add(sampler.generate(prompt, sampler.contextLength() - 1, temperature, topK, random));
            }
        }
        if (t.settings().data() != null && TextData.KIND.equals(t.settings().data().kind())
                && t.settings().data().options().containsKey(TextData.CHARACTERS)) {
            // A model of a text's characters writes text: the run's own vocabulary maps its ids back.
            TextVocabulary vocabulary = TextData.pinnedVocabulary(t.settings().data());
            List<String> texts = new ArrayList<>();
            for (int[] ids : sequences) {
                texts.add(vocabulary.text(ids));
            }
            return SampleFiles.writeTexts(dir, texts);
        }
        return SampleFiles.writeTokens(dir, sequences);
    }
}
