package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.netwright.model.task.FieldTransform;
import org.netwright.runner.explain.ActivationStatistics;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/**
 * {@code inspect --what activations|samples}: each layer's activation statistics on the first {@code --count} test
 * samples (mean, std, fraction of zeros, fraction saturated, histogram), and chosen test samples as the user reads
 * them ({@code --samples I,J,..}: an image's pixels, a table row in the data's own units, a text's tokens).
 */
final class TestPartViews {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPartViews() {
    }

    static int run(String what, Args args, Path project, PrintStream out) {
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        Samples test = ExplainCommand.testPart(t, project);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("what", what);
        o.put("run", t.runId());
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            if (what.equals("activations")) {
                activations(o, net, t, test, args.intValue("--count", 1, InspectCommand.MAX_ACTIVATION_SAMPLES)
                        .orElse(InspectCommand.ACTIVATION_SAMPLES));
            } else {
                o.put("test_samples", test.size());
                samples(o, net, RunInputs.of(t, project, test), test, indices(args, test.size()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("--json")) {
            out.println(o);
        } else {
            out.println(words(o));
        }
        return 0;
    }

    private static void activations(ObjectNode o, TrainedNetwork net, TrainedRun t, Samples test, int asked) {
        String field = t.task().fieldOf(net.input().nodeId()).orElseThrow();
        int width = Math.toIntExact(net.input().shape().size());
        int count = Math.min(asked, test.size());
        float[] x = Arrays.copyOf(test.require(field).values(), count * width);
        o.put("samples", count);
        o.put("saturation_margin", ActivationStatistics.SATURATION_MARGIN);
        ArrayNode layers = o.putArray("layers");
        for (ActivationStatistics s : ActivationStatistics.of(net, x, count)) {
            ObjectNode l = layers.addObject();
            l.put("id", s.layer());
            l.put("type", s.type());
            l.put("count", s.count());
            InsightJson.put(l, "mean", s.mean());
            InsightJson.put(l, "std", s.std());
            InsightJson.put(l, "zeros", s.zeros());
            InsightJson.put(l, "saturated", s.saturated());
            InsightJson.put(l, "min", s.min());
            InsightJson.put(l, "max", s.max());
            ArrayNode h = l.putArray("histogram");
            for (long c : s.histogram()) {
                h.add(c);
            }
        }
    }

    /**
     * The test sample indices of {@code --samples}: a comma-separated list, each within the test part, or
     * {@code first:N}, the first N samples (all of them when the test part holds fewer).
     */
    private static List<Integer> indices(Args args, int size) {
        String list = args.value("--samples").orElseThrow(() -> new UsageException(
                "--what samples needs --samples I,J,.. (test sample indices from 0 to " + (size - 1) + ")"));
        List<Integer> out = new ArrayList<>();
        if (list.strip().startsWith("first:")) {
            int n;
            try {
                n = Integer.parseInt(list.strip().substring("first:".length()).strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > InspectCommand.MAX_SAMPLES) {
                throw new UsageException("--samples first:N takes N from 1 to " + InspectCommand.MAX_SAMPLES + "; got '"
                        + list.strip() + "'");
            }
            for (int i = 0; i < Math.min(n, size); i++) {
                out.add(i);
            }
            return out;
        }
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int i;
            try {
                i = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--samples takes test sample indices separated by commas; '" + part.trim()
                        + "' is not one");
            }
            if (i < 0 || i >= size) {
                throw new UsageException("--samples: the test part has samples 0 to " + (size - 1) + "; got " + i);
            }
            out.add(i);
        }
        if (out.isEmpty() || out.size() > InspectCommand.MAX_SAMPLES) {
            throw new UsageException("--samples takes 1 to " + InspectCommand.MAX_SAMPLES + " indices; got "
                    + out.size());
        }
        return out;
    }

    private static void samples(ObjectNode o, TrainedNetwork net, RunInputs inputs, Samples test,
                                List<Integer> indices) {
        ArrayNode list = o.putArray("samples");
        String kind = null;
        for (int i : indices) {
            RunInputs.Reading r = inputs.sample(test, i);
            ObjectNode s = list.addObject();
            s.put("index", i);
            switch (r.kind()) {
                case IMAGE -> {
                    kind = "image";
                    ArrayNode v = s.putArray("values");
                    for (float f : r.values()) {
                        InsightJson.add(v, f);
                    }
                }
                case TABLE -> {
                    kind = "table";
                    ArrayNode v = s.putArray("values");
                    for (double f : raw(r.values(), inputs.data().transform(inputs.field()))) {
                        InsightJson.add(v, f);
                    }
                }
                case TEXT -> {
                    kind = "text";
                    ArrayNode tokens = s.putArray("tokens");
                    r.labels().forEach(tokens::add);
                }
            }
            if (r.kind() == RunInputs.Reading.Kind.TABLE && !o.has("features")) {
                ArrayNode names = o.putArray("features");
                r.labels().forEach(names::add);
            }
        }
        o.put("kind", kind);
        if ("image".equals(kind)) {
            ArrayNode shape = o.putArray("shape");
            for (int d : ExplainCommand.imageShape(net.input().shape()).toArray()) {
                shape.add(d);
            }
        }
    }

    /** A table row back in the data's units: the run saw (raw - offset) / scale where its reader standardized. */
    static double[] raw(float[] seen, FieldTransform t) {
        double[] out = new double[seen.length];
        boolean undo = t.offset().length == seen.length && t.scale().length == seen.length;
        for (int i = 0; i < seen.length; i++) {
            out[i] = undo ? seen[i] * t.scale()[i] + t.offset()[i] : seen[i];
        }
        return out;
    }

    private static String words(ObjectNode o) {
        StringBuilder b = new StringBuilder();
        if (o.has("layers")) {
            b.append("activations of run ").append(o.get("run").asLong()).append(" on ").append(o.get("samples").asInt())
                    .append(" test samples:");
            o.get("layers").forEach(l -> b.append(String.format(Locale.ROOT,
                    "%n  %-18s %-12s mean %9.4g  std %9.4g  zeros %5.1f %%%s", Cli.printable(l.get("id").asText()),
                    l.get("type").asText(), l.get("mean").asDouble(Double.NaN), l.get("std").asDouble(Double.NaN),
                    100 * l.get("zeros").asDouble(Double.NaN), l.get("saturated").isNull() ? ""
                            : String.format(Locale.ROOT, "  saturated %5.1f %%", 100 * l.get("saturated").asDouble()))));
            return b.toString();
        }
        return o.get("samples").size() + " " + o.get("kind").asText() + " test samples of run " + o.get("run").asLong()
                + " (use --json for them)";
    }
}
