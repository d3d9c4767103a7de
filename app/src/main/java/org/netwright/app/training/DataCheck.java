package org.netwright.app.training;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.Template;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.GraphDataset;

/**
 * Loads a data recipe with the runner's own loaders and says in words what it holds and whether it fits a
 * network. It reads files and generates data, so callers run it off the UI thread.
 */
public final class DataCheck {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private DataCheck() {
    }

    /**
     * What a recipe gives: {@code summary} for the Data row ("iris.csv (150 rows, 4 features, 3 classes)"), and
     * {@code problem}, why it cannot be read or cannot train the network (empty when it can).
     */
    public record Outcome(String summary, Optional<String> problem) {
    }

    /**
     * Loads the recipe and, when {@code graph} is given and complete enough to judge (valid shapes, one output,
     * weights to train), checks the data against its input and output as a run would before its first step.
     * Without a graph only whether the data can be read is checked, e.g. for the project's data as it opens.
     */
    public static Outcome check(DataRecipe recipe, Graph graph, GraphShapes shapes, Path baseDir, long seed) {
        String name = name(recipe);
        if (recipe == null || Template.needsUserData(recipe)) {
            return new Outcome(name, Optional.empty());
        }
        try {
            if (DataSources.isGraph(recipe, baseDir)) {
                GraphDataset g = DataSources.loadGraph(recipe, baseDir, seed);
                String summary = name + " (" + g.nodes() + " nodes, " + g.edgeCount() + " edges, " + g.numClasses()
                        + " classes)";
                return new Outcome(summary, Network.of(graph, shapes).flatMap(net -> net.whyNotFit(g)));
            }
            Dataset d = DataSources.load(recipe, baseDir, seed);
            return new Outcome(name + " (" + samples(recipe, d) + ")",
                    Network.of(graph, shapes).flatMap(net -> net.whyNotFit(d)));
        } catch (DataFileException | IllegalArgumentException e) {
            // The loaders' messages name the file and what is wrong; a generator's bad option is an IllegalArgumentException.
            return new Outcome(name, Optional.of(e.getMessage()));
        }
    }

    /**
     * The recipe as a person names it without loading it: the file's name, "two moons generator", or what a
     * template that waits for data expects.
     */
    static String name(DataRecipe recipe) {
        if (recipe == null) {
            return "none chosen";
        }
        if (Template.needsUserData(recipe)) {
            Object expects = recipe.options().get(Template.EXPECTS);
            return expects == null ? "none yet" : "none yet — this network expects " + expects;
        }
        if ("generator".equals(recipe.kind())) {
            return String.valueOf(recipe.options().get("name")).replace('_', ' ') + " generator";
        }
        Object path = recipe.options().get("path");
        return path == null ? recipe.kind() + " file" : Path.of(path.toString()).getFileName().toString();
    }

    private static String samples(DataRecipe recipe, Dataset d) {
        if ("generator".equals(recipe.kind())) {
            return d.size() + " samples";
        }
        if ("idx".equals(recipe.kind())) {
            return d.size() + " images " + d.sampleShape() + ", " + d.numClasses() + " classes";
        }
        return d.size() + " rows, " + d.sampleSize() + " features, " + d.numClasses() + " classes";
    }

    /** The network's input and output as a run finds them: the first input layer and the single sink. */
    private record Network(String inputId, Map<String, Shape> inputPorts, String outputId, Shape output) {
        static Optional<Network> of(Graph graph, GraphShapes shapes) {
            if (graph == null || shapes == null || !shapes.isValid() || shapes.totalParams() == 0
                    || graph.sinks().size() != 1) {
                return Optional.empty();
            }
            Optional<Node> input = shapes.order().stream().map(graph::require)
                    .filter(n -> CATALOG.find(n.type()).map(spec -> spec.isInput()).orElse(false)).findFirst();
            String outputId = graph.sinks().get(0);
            Optional<Shape> output = mainOutput(shapes.report(outputId));
            if (input.isEmpty() || output.isEmpty()) {
                return Optional.empty();
            }
            String inputId = input.get().id();
            return Optional.of(new Network(inputId, shapes.report(inputId).outputs(), outputId, output.get()));
        }

        /** The {@code out} port, else the first port by name, as the command line's summary picks it. */
        private static Optional<Shape> mainOutput(NodeReport report) {
            Map<String, Shape> outs = new TreeMap<>(report.outputs());
            return Optional.ofNullable(outs.containsKey("out") ? outs.get("out")
                    : outs.isEmpty() ? null : outs.values().iterator().next());
        }

        Optional<String> whyNotFit(Dataset data) {
            if (inputPorts.size() != 1) {
                return Optional.of("The input layer '" + inputId + "' is a graph input, which trains on one graph (a"
                        + " NAME_edges.csv table, or the communities generator); these data are samples, each "
                        + data.sampleShape().describe() + ".");
            }
            return DataSources.whyNotFit(data, inputPorts.values().iterator().next(), inputId, output, outputId);
        }

        Optional<String> whyNotFit(GraphDataset graph) {
            Shape features = inputPorts.get("features");
            if (inputPorts.size() != 2 || features == null) {
                return Optional.of("The data is one graph of " + graph.nodes() + " nodes for node classification, so"
                        + " the network must start with a graph input; its input layer '" + inputId + "' gives "
                        + inputPorts.values().iterator().next().describe() + ".");
            }
            return DataSources.whyNotFit(graph, features, inputId, output, outputId);
        }
    }
}
