package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netwright.model.shape.Shape;
import org.netwright.runner.explain.Inspections;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/**
 * {@code netwright inspect PROJECT --what layers|filters|feature-maps|attention|neighbours [--layer NODE]
 * [--sample N | --input FILE] [--head H] [--token T] [--k K] [--run ID] [--json]}: what a trained run's layers hold
 * and make. {@code layers} lists each layer with what can be inspected in it; the others answer
 * {@code {"what","layer","shape":[..],"values":[..]}} (values flat, row-major), attention with its {@code tokens}
 * and neighbours as {@code {"token":{..},"neighbours":[{"id","name","similarity"}]}}. Without {@code --layer}, the
 * first layer that offers the asked view is taken. For autoencoders, {@code reconstructions} gives the first
 * {@code --count} test inputs and the network's outputs for them ({@code shape}, {@code inputs}, {@code outputs}), and
 * {@code latent} the bottleneck's values of the test samples ({@code dims}, {@code points} of its first two
 * dimensions, {@code classes} and {@code class_names} when the data have a class field): the bottleneck is a VAE's
 * mean, else the narrowest hidden layer, unless {@code --layer} names one.
 */
final class InspectCommand {
    static final String USAGE = "inspect FILE.nwproj --what layers|filters|feature-maps|attention|neighbours"
            + "|reconstructions|latent|activations|samples [--layer NODE] [--sample N | --input FILE] [--head H]"
            + " [--token T] [--k K] [--count N] [--samples I,J,..] [--run ID] [--json]";
    static final List<String> WHAT = List.of("layers", "filters", "feature-maps", "attention", "neighbours",
            "reconstructions", "latent", "activations", "samples");
    /** The most test samples {@code activations} runs through the network by default, and at most. */
    static final int ACTIVATION_SAMPLES = 64;
    static final int MAX_ACTIVATION_SAMPLES = 1024;
    /** The most test samples {@code samples} returns in one answer. */
    static final int MAX_SAMPLES = 200;
    /** The most test samples {@code latent} places, so the answer stays one readable line. */
    static final int MAX_POINTS = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InspectCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--what", "--layer", "--sample", "--input", "--head", "--token", "--k",
                "--count", "--run", "--samples"), Set.of("--json"));
        Path project = InsightCommands.project(args, "inspect", USAGE);
        String what = args.value("--what").orElseThrow(() -> new UsageException("inspect needs --what, one of "
                + String.join(", ", WHAT)));
        if (!WHAT.contains(what)) {
            throw new UsageException("--what must be one of " + String.join(", ", WHAT) + "; got '" + what + "'");
        }
        if (what.equals("reconstructions") || what.equals("latent")) {
            return AutoencoderViews.run(what, args, project, out);
        }
        if (what.equals("activations") || what.equals("samples")) {
            return TestPartViews.run(what, args, project, out);
        }
        if (args.has("--input") && args.has("--sample")) {
            throw new UsageException("inspect takes --input FILE or --sample N, not both");
        }
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("what", what);
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            if (what.equals("layers")) {
                ArrayNode layers = o.putArray("layers");
                for (String id : net.layers()) {
                    List<String> offers = offers(net, id);
                    ObjectNode l = layers.addObject();
                    l.put("id", id);
                    l.put("type", net.layerType(id));
                    ArrayNode a = l.putArray("offers");
                    offers.forEach(a::add);
                    if (offers.contains("attention")) {
                        l.put("heads", heads(net, id));
                    }
                }
            } else {
                String layer = args.value("--layer").orElseGet(() -> firstOffering(net, what));
                if (!offers(net, layer).contains(what)) {
                    throw new UsageException("the layer '" + layer + "' (" + net.layerType(layer) + ") has no "
                            + what + "; layers that have: " + offering(net, what));
                }
                o.put("layer", layer);
                switch (what) {
                    case "filters" -> maps(o, Inspections.filters(net, layer));
                    case "feature-maps" -> maps(o, Inspections.featureMaps(net, input(args, t, project).values(),
                            layer));
                    case "attention" -> {
                        int head = args.intValue("--head", 0, Integer.MAX_VALUE).orElse(0);
                        RunInputs.Reading reading = input(args, t, project);
                        Inspections.Maps m = Inspections.attention(net, reading.values(), layer, head);
                        o.put("head", head);
                        o.put("heads", heads(net, layer));
                        ArrayNode tokens = o.putArray("tokens");
                        boolean named = reading.kind() == RunInputs.Reading.Kind.TEXT
                                && reading.labels().size() == m.shape().dim(1);
                        for (int i = 0; i < m.shape().dim(1); i++) {
                            tokens.add(named ? reading.labels().get(i) : Integer.toString(i));
                        }
                        maps(o, m);
                    }
                    default -> neighbours(o, args, net, layer, RunInputs.of(t, project));
                }
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

    /** What can be looked at in layer {@code id}: its filters, its feature maps, its attention, its neighbours. */
    static List<String> offers(TrainedNetwork net, String id) {
        List<String> offers = new ArrayList<>();
        String type = net.layerType(id);
        if ((type.equals("conv2d") || type.equals("conv1d")) && net.block().weightedNodes().containsKey(id)) {
            offers.add("filters");
        }
        List<String> ports = net.block().portsOf(id);
        if (!ports.isEmpty() && net.block().portShape(ports.get(0)).rank() == 3 && !type.endsWith("_input")) {
            offers.add("feature-maps");
        }
        if (ports.contains(id + ".weights")) {
            offers.add("attention");
        }
        if (type.equals("embedding")) {
            offers.add("neighbours");
        }
        return offers;
    }

    private static int heads(TrainedNetwork net, String id) {
        Shape s = net.portShape(id + ".weights");
        return s.rank() == 3 ? s.dim(0) : 1;
    }

    private static String offering(TrainedNetwork net, String what) {
        List<String> ids = net.layers().stream().filter(id -> offers(net, id).contains(what)).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String firstOffering(TrainedNetwork net, String what) {
        return net.layers().stream().filter(id -> offers(net, id).contains(what)).findFirst().orElseThrow(() ->
                new UsageException("the network has no layer with " + what));
    }

    /** The sample to look at: a file, else the run's N-th test sample (the first unless {@code --sample} says). */
    private static RunInputs.Reading input(Args args, TrainedRun t, Path project) {
        if (args.has("--input")) {
            Path file = Path.of(args.value("--input").get());
            RunInputs.Reading r = RunInputs.of(t, project).read(file);
            if (r.count() != 1) {
                throw new UsageException(file + " has " + r.count() + " rows; inspect looks at one sample, so give a"
                        + " file with one row");
            }
            return r;
        }
        Samples test = ExplainCommand.testPart(t, project);
        int n = args.intValue("--sample", 0, Integer.MAX_VALUE).orElse(0);
        return RunInputs.of(t, project, test).sample(test, n);
    }

    static void maps(ObjectNode o, Inspections.Maps m) {
        ArrayNode shape = o.putArray("shape");
        for (int d : m.shape().toArray()) {
            shape.add(d);
        }
        ArrayNode values = o.putArray("values");
        for (float v : m.values()) {
            InsightJson.add(values, v);
        }
    }

    private static void neighbours(ObjectNode o, Args args, TrainedNetwork net, String layer, RunInputs inputs) {
        String asked = args.value("--token").orElseThrow(() -> new UsageException(
                "--what neighbours needs --token, a token id or word"));
        int vocabulary = Math.toIntExact(net.weightShape(layer, "weight")[0]);
        int token = -1;
        for (int i = 0; i < vocabulary && token < 0; i++) {
            if (inputs.tokenName(i).equals(asked)) {
                token = i;
            }
        }
        if (token < 0) {
            try {
                token = Integer.parseInt(asked.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--token must be a word of the run's vocabulary or an id from 0 to "
                        + (vocabulary - 1) + "; got '" + asked + "'");
            }
        }
        int k = args.intValue("--k", 1, 10_000).orElse(10);
        List<Inspections.Neighbour> near = Inspections.nearestTokens(net, layer, token, k);
        ObjectNode of = o.putObject("token");
        of.put("id", token);
        of.put("name", inputs.tokenName(token));
        ArrayNode list = o.putArray("neighbours");
        for (Inspections.Neighbour n : near) {
            ObjectNode e = list.addObject();
            e.put("id", n.token());
            e.put("name", inputs.tokenName(n.token()));
            InsightJson.put(e, "similarity", n.similarity());
        }
    }

    /** The answer in a few words for a terminal. */
    private static String words(ObjectNode o) {
        if (o.has("layers")) {
            StringBuilder b = new StringBuilder();
            o.get("layers").forEach(l -> {
                b.append(b.length() == 0 ? "" : "\n").append(Cli.printable(l.get("id").asText())).append(" (")
                        .append(l.get("type").asText()).append(')');
                if (!l.get("offers").isEmpty()) {
                    List<String> offers = new ArrayList<>();
                    l.get("offers").forEach(x -> offers.add(x.asText()));
                    b.append(": ").append(String.join(", ", offers));
                }
            });
            return b.toString();
        }
        if (o.has("neighbours")) {
            StringBuilder b = new StringBuilder("nearest to " + Cli.printable(o.get("token").get("name").asText()) + ":");
            o.get("neighbours").forEach(n -> b.append(' ').append(Cli.printable(n.get("name").asText()))
                    .append(String.format(java.util.Locale.ROOT, " %.3f", n.get("similarity").asDouble())));
            return b.toString();
        }
        List<String> dims = new ArrayList<>();
        o.get("shape").forEach(d -> dims.add(d.asText()));
        return o.get("what").asText() + " of " + Cli.printable(o.get("layer").asText()) + ": " + String.join("×", dims)
                + " values (use --json for them)";
    }
}
