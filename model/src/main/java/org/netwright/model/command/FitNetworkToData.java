package org.netwright.model.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;

/**
 * "Fit the network to the data" as one undoable edit: the input layer takes the data's shape (image channels and
 * size, feature count, sequence steps and features, token length and vocabulary, a graph's nodes and features) and
 * the layer that sets the output's width gives one score per class. When the network's layers cannot take the
 * data's image size (LeNet-5's two 5×5 convolutions need at least 13×13 pixels, so 8×8 digits would shrink to
 * nothing), the input keeps its size and {@link #resizeImagesTo} says the images must be resized to it instead: a
 * user who picks a template expects it to train on their images, not to be refused. {@link #changes} says each
 * change in words. Only a network with one data input and one output is fitted; others are left as they are.
 */
public final class FitNetworkToData implements GraphCommand {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private final List<SetParam> edits;
    private final List<String> changes;
    private final int[] resizeTo;

    private FitNetworkToData(List<SetParam> edits, List<String> changes, int[] resizeTo) {
        this.edits = List.copyOf(edits);
        this.changes = List.copyOf(changes);
        this.resizeTo = resizeTo;
    }

    /** The edits that fit {@code graph} to samples with these fields (the first values field feeds the input). */
    public static FitNetworkToData forSamples(Graph graph, List<DataField> fields) {
        Planner p = new Planner(graph);
        NetworkEnds ends = NetworkEnds.of(graph);
        List<NetworkEnds.End> inputs = ends.inputs().stream().filter(e -> !e.type().equals("noise_input")
                && !e.type().equals("label_input")).toList();
        if (inputs.size() == 1) {
            p.fitInput(inputs.get(0), fields);
        }
        // The output scores the classes of a class field, else the vocabulary of a token field no input reads
        // (a language model's next tokens).
        Optional<DataField> target = fields.stream().filter(f -> f.kind() == DataField.Kind.CLASS_ID).findFirst();
        if (target.isEmpty()) {
            List<DataField> tokens = fields.stream().filter(f -> f.kind() == DataField.Kind.TOKEN_IDS).toList();
            target = tokens.size() == 2 ? Optional.of(tokens.get(1)) : Optional.empty();
        }
        target.ifPresent(f -> p.fitOutput(ends, f.classes()));
        return p.done();
    }

    /** The edits that fit {@code graph} to one graph of {@code nodes} nodes, {@code features} per node, in {@code classes}. */
    public static FitNetworkToData forGraph(Graph graph, int nodes, int features, int classes) {
        return forGraphs(graph, nodes, features, classes);
    }

    /**
     * The edits that fit {@code graph} to many labelled graphs of at most {@code maxNodes} nodes (the graph input
     * takes that many, smaller graphs are padded), {@code features} per node, one class of {@code classes} per graph.
     */
    public static FitNetworkToData forGraphSet(Graph graph, int maxNodes, int features, int classes) {
        return forGraphs(graph, maxNodes, features, classes);
    }

    /** Per node or per graph, the output's last dimension is the class count. */
    private static FitNetworkToData forGraphs(Graph graph, int nodes, int features, int classes) {
        Planner p = new Planner(graph);
        NetworkEnds ends = NetworkEnds.of(graph);
        List<String> graphInputs = ends.inputs().stream().filter(e -> e.type().equals("graph_input"))
                .map(NetworkEnds.End::nodeId).distinct().toList();
        if (graphInputs.size() == 1) {
            p.set(graphInputs.get(0), "nodes", nodes, "nodes");
            p.set(graphInputs.get(0), "features", features, "features per node");
        }
        p.fitOutput(ends, classes);
        return p.done();
    }

    /** What the edit changes, one sentence each (empty when the network fits the data already). */
    public List<String> changes() {
        return changes;
    }

    /** The height and width the data's images must be resized to, when the network cannot take their own size. */
    public Optional<int[]> resizeImagesTo() {
        return Optional.ofNullable(resizeTo).map(int[]::clone);
    }

    /** True when neither the graph nor the data needs a change. */
    public boolean fitsAlready() {
        return changes.isEmpty();
    }

    @Override
    public Graph apply(Graph graph) {
        return Steps.applyAll(edits, graph);
    }

    @Override
    public Graph undo(Graph graph) {
        return Steps.undoAll(edits, graph);
    }

    @Override
    public String description() {
        return "Fit the network to the data";
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (edits.isEmpty()) {
            return Optional.of(resizeTo == null ? "The network fits the data already."
                    : "The network keeps its input size; the images are resized to it.");
        }
        for (SetParam e : edits) {
            Optional<String> why = e.whyNot(graph);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /** Collects the edits on a working copy of the graph, so each decision sees the ones before it. */
    private static final class Planner {
        private Graph graph;
        private final List<SetParam> edits = new ArrayList<>();
        private final List<String> changes = new ArrayList<>();
        private int[] resizeTo;

        Planner(Graph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
        }

        FitNetworkToData done() {
            return new FitNetworkToData(edits, changes, resizeTo);
        }

        /** Sets one integer parameter when it differs, saying so as "node: what old -> new". */
        void set(String nodeId, String param, int value, String what) {
            Node node = graph.require(nodeId);
            Object old = node.params().get(param);
            if (old == null) {
                old = CATALOG.find(node.type()).flatMap(s -> s.param(param)).map(p -> p.defaultValue()).orElse(null);
            }
            if (old instanceof Number n && n.intValue() == value) {
                return;
            }
            SetParam edit = SetParam.of(graph, nodeId, param, value);
            edits.add(edit);
            graph = edit.apply(graph);
            changes.add(nodeId + ": " + what + " " + old + " -> " + value);
        }

        void fitInput(NetworkEnds.End input, List<DataField> fields) {
            Node node = graph.require(input.nodeId());
            switch (node.type()) {
                case "image_input" -> firstValues(fields, 3).ifPresent(f -> fitImage(node, f.shape()));
                case "vector_input" -> firstValues(fields, -1).ifPresent(f -> {
                    // An image into an MLP of the same size is only seen flat (see the runner's fitTo).
                    set(node.id(), "features", Math.toIntExact(f.shape().size()), "features");
                });
                case "sequence_input" -> firstValues(fields, 2).ifPresent(f -> {
                    set(node.id(), "steps", f.shape().dim(0), "time steps");
                    set(node.id(), "features", f.shape().dim(1), "features per step");
                });
                case "token_input" -> fields.stream().filter(f -> f.kind() == DataField.Kind.TOKEN_IDS).findFirst()
                        .ifPresent(f -> {
                            set(node.id(), "length", f.shape().dim(0), "tokens per sample");
                            set(node.id(), "vocabulary", f.classes(), "vocabulary");
                            // The embeddings the ids index need a row for every id.
                            for (Edge e : graph.outgoingEdges(node.id())) {
                                if (graph.require(e.to().nodeId()).type().equals("embedding")) {
                                    set(e.to().nodeId(), "vocabulary", f.classes(), "vocabulary (rows)");
                                }
                            }
                        });
                default -> {
                    // Graph, noise and label inputs are fitted elsewhere or not at all.
                }
            }
        }

        private static Optional<DataField> firstValues(List<DataField> fields, int rank) {
            return fields.stream().filter(f -> f.kind() == DataField.Kind.VALUES)
                    .filter(f -> rank < 0 || f.shape().rank() == rank).findFirst();
        }

        /**
         * The output of a generator (a part of the graph fed by a noise input) that draws images of the shape the
         * input {@code inputId} takes, if there is one: the input is then a GAN discriminator's real input.
         */
        private Optional<String> generatorDrawing(String inputId) {
            List<String> noise = graph.nodes().values().stream().filter(n -> n.type().equals("noise_input"))
                    .map(Node::id).toList();
            if (noise.isEmpty()) {
                return Optional.empty();
            }
            NetworkEnds ends = NetworkEnds.of(graph);
            Optional<Shape> takes = ends.inputs().stream().filter(e -> e.nodeId().equals(inputId))
                    .map(NetworkEnds.End::shape).filter(Objects::nonNull).findFirst();
            if (takes.isEmpty()) {
                return Optional.empty();
            }
            return ends.outputs().stream().filter(o -> takes.get().equals(o.shape()))
                    .filter(o -> noise.stream().anyMatch(z -> graph.reaches(z, o.nodeId()))
                            && !graph.reaches(inputId, o.nodeId()))
                    .map(NetworkEnds.End::nodeId).findFirst();
        }

        /** Channels always follow the data; the size follows when the layers after it still work, else the data is resized. */
        private void fitImage(Node node, Shape image) {
            int h = ((Number) graph.require(node.id()).params().getOrDefault("height", 28)).intValue();
            int w = ((Number) graph.require(node.id()).params().getOrDefault("width", 28)).intValue();
            Optional<String> generator = generatorDrawing(node.id());
            if (generator.isPresent()) {
                // A GAN's discriminator reads real images and the generator's alike: the input keeps the size the
                // generator draws, and the data is resized to it (changing the input alone would part the two).
                if (h != image.dim(1) || w != image.dim(2)) {
                    resizeTo = new int[] {h, w};
                    changes.add("the images are resized from " + image.dim(1) + "×" + image.dim(2) + " to " + h + "×"
                            + w + ", the size the generator '" + generator.get() + "' draws for " + node.id());
                }
                return;
            }
            set(node.id(), "channels", image.dim(0), "channels");
            if (h == image.dim(1) && w == image.dim(2)) {
                return;
            }
            Graph tried = graph.withNode(graph.require(node.id()).withParam("height", image.dim(1))
                    .withParam("width", image.dim(2)));
            GraphShapes shapes = ShapeInference.infer(tried);
            if (shapes.isValid()) {
                String before = h + "×" + w;
                set(node.id(), "height", image.dim(1), "height");
                set(node.id(), "width", image.dim(2), "width");
                changes.removeIf(c -> c.startsWith(node.id() + ": height") || c.startsWith(node.id() + ": width"));
                changes.add(node.id() + ": image size " + before + " -> " + image.dim(1) + "×" + image.dim(2)
                        + " (the data's size; the layers after it follow)");
            } else {
                resizeTo = new int[] {h, w};
                changes.add("the images are resized from " + image.dim(1) + "×" + image.dim(2) + " to " + h + "×" + w
                        + ", the size " + node.id() + " takes (at " + image.dim(1) + "×" + image.dim(2) + " the"
                        + " network's layers do not fit: " + shapes.firstProblem().orElse("shapes fail") + ")");
            }
        }

        /**
         * The one output's width becomes {@code classes}: the layer that sets it ({@code units}) is found by walking
         * back through layers that keep their input's shape (activations, dropout, normalization).
         */
        void fitOutput(NetworkEnds ends, int classes) {
            if (ends.outputs().size() != 1 || classes < 1) {
                return;
            }
            NetworkEnds.End out = ends.outputs().get(0);
            Shape shape = out.shape();
            if (shape != null && shape.rank() >= 1 && shape.dim(shape.rank() - 1) == classes) {
                return;
            }
            GraphShapes shapes = ShapeInference.infer(graph);
            String id = out.nodeId();
            for (int guard = 0; guard < graph.nodes().size(); guard++) {
                Node node = graph.require(id);
                if (CATALOG.find(node.type()).flatMap(s -> s.param("units")).isPresent()) {
                    set(id, "units", classes, "output width (one score per class)");
                    return;
                }
                List<Edge> in = graph.incomingEdges(id).stream().filter(e -> e.to().port().equals("in")
                        || e.to().port().equals("features")).toList();
                if (in.size() != 1 || !sameShape(shapes, id, in.get(0))) {
                    return;
                }
                id = in.get(0).from().nodeId();
            }
        }

        private static boolean sameShape(GraphShapes shapes, String id, Edge in) {
            NodeReport here = shapes.report(id);
            NodeReport before = shapes.report(in.from().nodeId());
            if (here == null || before == null || !here.isOk() || !before.isOk()) {
                return false;
            }
            Map<String, Shape> outs = new LinkedHashMap<>(here.outputs());
            Shape a = outs.values().stream().findFirst().orElse(null);
            return a != null && a.equals(before.outputs().get(in.from().port()));
        }
    }
}
