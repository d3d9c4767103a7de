package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * {@code netwright summary}: a Keras-style table of layers (id, type, output shape, parameters) and
 * the total, or the same as JSON with {@code --json}. An invalid graph still prints what is known,
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

    private static Optional<Shape> outputShape(NodeReport r) {
        return Optional.ofNullable(r.outputs().get("out"));
    }

    private static String json(Source source, GraphShapes shapes) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        for (String id : shapes.order()) {
            Node node = source.graph().require(id);
            NodeReport r = shapes.report(id);
            ObjectNode o = nodes.addObject();
            o.put("id", id);
            o.put("type", node.type());
            Optional<Shape> shape = outputShape(r);
            if (shape.isPresent()) {
                ArrayNode dims = o.putArray("output_shape");
                shape.get().dims().forEach(dims::add);
            } else {
                o.putNull("output_shape");
            }
            o.put("params", r.params());
            r.problem().ifPresent(p -> o.put("problem", p));
        }
        root.put("total_params", shapes.totalParams());
        return root.toString();
    }

    private static void table(Source source, GraphShapes shapes, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (String id : shapes.order()) {
            NodeReport r = shapes.report(id);
            String shape = outputShape(r).map(SummaryCommand::withBatch).orElse("?");
            rows.add(new String[] {id + " (" + source.graph().require(id).type() + ")", shape, String.format("%,d", r.params())});
        }
        String[] head = {"Layer (type)", "Output shape", "Param #"};
        int[] w = new int[3];
        for (int c = 0; c < 3; c++) {
            w[c] = head[c].length();
            for (String[] row : rows) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s";
        String rule = "=".repeat(w[0] + w[1] + w[2] + 4);
        out.println("Model: " + source.name());
        out.println(rule);
        out.println(String.format(format, (Object[]) head));
        out.println(rule);
        for (String[] row : rows) {
            out.println(String.format(format, (Object[]) row));
        }
        out.println(rule);
        out.println(String.format("Total params: %,d", shapes.totalParams()));
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
