package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.Task;
import org.netwright.runner.explain.RunInputs;
import org.netwright.runner.explain.TrainedNetwork;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;

/**
 * {@code inspect --what reconstructions|latent}: an autoencoder's test inputs beside its outputs, and where its test
 * samples land in the bottleneck (a VAE's mean, else the narrowest hidden layer), coloured by their class if the data
 * have one.
 */
final class AutoencoderViews {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int DEFAULT_COUNT = 8;

    private AutoencoderViews() {
    }

    static int run(String what, Args args, Path project, PrintStream out) {
        TrainedRun t = InsightCommands.load(project, args.value("--run"));
        InsightCommands.requireSamples(t, project);
        Samples test = ExplainCommand.testPart(t, project);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("what", what);
        try (TrainedNetwork net = TrainedNetwork.open(t.graph(), t.task(), t.weights())) {
            String field = t.task().fieldOf(net.input().nodeId()).orElseThrow();
            float[] x = test.require(field).values();
            int width = Math.toIntExact(net.input().shape().size());
            if (what.equals("reconstructions")) {
                reconstructions(o, net, x, width, Math.min(test.size(), args.intValue("--count", 1, 256)
                        .orElse(DEFAULT_COUNT)), t);
            } else {
                latent(o, net, t, project, test, x, width, args.value("--layer"));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("--json")) {
            out.println(o);
        } else if (what.equals("reconstructions")) {
            out.println(o.get("count").asInt() + " test inputs and their reconstructions (use --json for them)");
        } else {
            out.println(o.get("points").size() + " test samples in the " + o.get("dims").asInt()
                    + "-dimensional bottleneck of " + Cli.printable(o.get("layer").asText()) + " (use --json for them)");
        }
        return 0;
    }

    private static void reconstructions(ObjectNode o, TrainedNetwork net, float[] x, int width, int count,
                                        TrainedRun t) {
        Shape in = net.input().shape();
        Shape outShape = net.output().shape();
        if (outShape.size() != in.size()) {
            throw new UsageException("run " + t.runId() + "'s output '" + net.output().nodeId() + "' gives "
                    + outShape.describe() + " but its input takes " + in.describe() + "; reconstructions need an output"
                    + " shaped like the input (an autoencoder)");
        }
        float[] inputs = Arrays.copyOf(x, count * width);
        float[] outputs = net.predictions(inputs, count);
        ArrayNode shape = o.putArray("shape");
        for (int d : in.toArray()) {
            shape.add(d);
        }
        o.put("count", count);
        ArrayNode a = o.putArray("inputs");
        for (float v : inputs) {
            InsightJson.add(a, v);
        }
        ArrayNode b = o.putArray("outputs");
        for (float v : outputs) {
            InsightJson.add(b, v);
        }
    }

    private static void latent(ObjectNode o, TrainedNetwork net, TrainedRun t, Path project, Samples test, float[] x,
                               int width, Optional<String> asked) {
        String port = asked.map(n -> net.block().portsOf(n).isEmpty() ? n + ".out" : net.block().portsOf(n).get(0))
                .orElseGet(() -> bottleneck(net, t));
        Shape s = net.portShape(port);
        int dims = Math.toIntExact(s.size());
        int n = Math.min(test.size(), InspectCommand.MAX_POINTS);
        o.put("layer", port.substring(0, port.lastIndexOf('.')));
        o.put("dims", dims);
        ArrayNode points = o.putArray("points");
        for (int i = 0; i < n; i++) {
            float[] z = net.portValues(Arrays.copyOfRange(x, i * width, (i + 1) * width), port);
            ArrayNode p = points.addArray();
            InsightJson.add(p, z[0]);
            InsightJson.add(p, dims > 1 ? z[1] : 0);
        }
        Optional<DataField> classField = test.fields().stream().filter(f -> f.kind() == DataField.Kind.CLASS_ID)
                .findFirst();
        if (classField.isPresent()) {
            float[] ids = test.require(classField.get().name()).values();
            ArrayNode classes = o.putArray("classes");
            for (int i = 0; i < n; i++) {
                classes.add((int) ids[i]);
            }
            ArrayNode names = o.putArray("class_names");
            RunInputs.of(t, project, test).classNames(classField.get().name(), classField.get().classes())
                    .forEach(names::add);
        }
    }

    /** A VAE's mean (what feeds its sampling layer's {@code mu}), else the narrowest hidden layer's first output. */
    private static String bottleneck(TrainedNetwork net, TrainedRun t) {
        if (Task.VAE.equals(t.task().recipe())) {
            for (String id : net.layers()) {
                if (net.layerType(id).equals("sampling")) {
                    Optional<Edge> mu = t.graph().incoming(new PortRef(id, "mu"));
                    if (mu.isPresent()) {
                        return mu.get().from().nodeId() + "." + mu.get().from().port();
                    }
                }
            }
        }
        String best = null;
        long size = Long.MAX_VALUE;
        List<String> layers = net.layers();
        for (String id : layers) {
            List<String> ports = net.block().portsOf(id);
            if (ports.isEmpty() || id.equals(net.input().nodeId()) || id.equals(net.output().nodeId())) {
                continue;
            }
            long here = net.portShape(ports.get(0)).size();
            if (here < size) {
                size = here;
                best = ports.get(0);
            }
        }
        if (best == null) {
            throw new UsageException("run " + t.runId() + "'s network has no hidden layer to place samples in");
        }
        return best;
    }
}
