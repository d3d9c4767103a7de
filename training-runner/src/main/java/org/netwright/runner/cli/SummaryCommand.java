package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * {@code netwright summary}: a Keras-style table of layers (id, type, first output shape, parameters,
 * multiply-accumulates per sample) and the totals, or the same as JSON with {@code --json} (where a node
 * with several output ports also lists each port's shape). An invalid graph still prints what is known,
 * then fails with its first problem.
 */
final class SummaryCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--template"), Set.of("--json"));
        Source source = Source.from(args, true);
        GraphShapes shapes = ShapeInference.infer(source.graph());
        if (args.has("--json")) {
            out.println(json(source, shapes));
        } else {
            table(source, shapes, out);
        }
        Optional<String> problem = shapes.firstProblem();
        if (problem.isPresent()) {
            throw new UsageException("the graph is not valid: " + problem.get());
        }
        return 0;
    }

    /**
     * The node's output ports: its spec's, in the spec's order (Split's depend on its parameters), when the
     * report has them all; otherwise (a composite, whose ports come from its body, or a node with a problem)
     * the ports the report has, "out" first, then by name.
     */
    static List<String> outputPorts(Node node, NodeReport r) {
        Optional<LayerSpec> spec = LayerCatalog.standard().find(node.type());
        if (spec.isPresent() && spec.get().problems(node.params()).isEmpty()) {
            List<String> ports = spec.get().outputPorts(spec.get().resolve(node.params()));
            if (!ports.isEmpty() && (!r.isOk() || r.outputs().keySet().containsAll(ports))) {
                return ports;
            }
        }
        return r.outputs().keySet().stream()
                .sorted(Comparator.comparing((String port) -> !port.equals("out")).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static String json(Source source, GraphShapes shapes) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        for (String id : shapes.order()) {
            Node node = source.graph().require(id);
            NodeReport r = shapes.report(id);
            List<String> ports = outputPorts(node, r);
            ObjectNode o = nodes.addObject();
            o.put("id", id);
            o.put("type", node.type());
            Optional<Shape> shape = r.mainOutput(ports);
            if (shape.isPresent()) {
                dims(o.putArray("output_shape"), shape.get());
            } else {
                o.putNull("output_shape");
            }
            if (ports.size() > 1 && r.isOk()) {
                ObjectNode outputs = o.putObject("outputs");
                for (String port : ports) {
                    Shape s = r.outputs().get(port);
                    if (s != null) {
                        dims(outputs.putArray(port), s);
                    }
                }
            }
            o.put("params", r.params());
            o.put("macs", r.macs());
            r.problem().ifPresent(p -> o.put("problem", p));
        }
        root.put("total_params", shapes.totalParams());
        root.put("total_macs", shapes.totalMacs());
        return root.toString();
    }

    private static void dims(ArrayNode array, Shape shape) {
        shape.dims().forEach(array::add);
    }

    private static void table(Source source, GraphShapes shapes, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (String id : shapes.order()) {
            Node node = source.graph().require(id);
            NodeReport r = shapes.report(id);
            List<String> ports = outputPorts(node, r);
            // One line per node: the first output port's shape, naming the port when there are others.
            String shape = r.mainOutput(ports).map(SummaryCommand::withBatch).orElse("?");
            if (ports.size() > 1 && r.isOk()) {
                shape = shape + " " + ports.get(0) + "; also " + String.join(", ", ports.subList(1, ports.size()));
            }
            rows.add(new String[] {Cli.printable(id + " (" + node.type() + ")"), shape, String.format("%,d", r.params()),
                    String.format("%,d", r.macs())});
        }
        String[] head = {"Layer (type)", "Output shape", "Param #", "MACs"};
        int[] w = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            w[c] = head[c].length();
            for (String[] row : rows) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %" + w[3] + "s";
        String rule = "=".repeat(w[0] + w[1] + w[2] + w[3] + 6);
        out.println("Model: " + Cli.printable(source.name()));
        out.println(rule);
        out.println(String.format(format, (Object[]) head));
        out.println(rule);
        for (String[] row : rows) {
            out.println(String.format(format, (Object[]) row));
        }
        out.println(rule);
        out.println(String.format("Total params: %,d", shapes.totalParams()));
        out.println(String.format("Total MACs per sample: %,d", shapes.totalMacs()));
    }

    /** Keras writes the batch axis as None: (None, 16, 8, 8). */
    private static String withBatch(Shape s) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : s.dims()) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }
}
