package org.netwright.runner.data;

import java.nio.file.Path;
import java.util.Optional;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataMismatch;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Samples;
import java.util.List;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;

/**
 * Turns a data recipe (generator, CSV or IDX file) into training data: samples that fit a network's
 * input, or one graph for node classification (a graph generator, or a CSV edge table).
 */
public final class DataSources {
    /**
     * The recipe option naming a separate test set of the same kind as the data ({@code --test PATH}): it replaces
     * the test split, and the data itself gives training and validation.
     */
    public static final String TEST = "test";
    /**
     * The split a text recipe's vocabulary assumes when no settings are given (a data check before a run): 20 %
     * validation and 20 % test, as the graph-file defaults.
     */
    private static final double TEXT_VALIDATION = 0.2;
    private static final double TEXT_TEST = 0.2;

    private DataSources() {
    }

    /** Whether the recipe gives one graph ({@link #loadGraph}) rather than samples ({@link #load}). */
    public static boolean isGraph(DataRecipe recipe, Path baseDir) {
        if ("generator".equals(recipe.kind())) {
            return Generators.makesGraph(recipe);
        }
        return "csv".equals(recipe.kind()) && recipe.options().get("path") != null
                && GraphData.isEdgeList(path(recipe, baseDir));
    }

    /** Whether the recipe gives many small labelled graphs for graph classification ({@link #loadGraphSet}). */
    public static boolean isGraphSet(DataRecipe recipe) {
        return isGraphSet(recipe, null);
    }

    /** Whether the recipe gives many labelled graphs: a generator of graph sets, or a CSV edge table with {@code graph_id}. */
    public static boolean isGraphSet(DataRecipe recipe, Path baseDir) {
        return Generators.makesGraphSet(recipe) || "csv".equals(recipe.kind()) && recipe.options().get("path") != null
                && GraphData.isGraphSetEdgeList(path(recipe, baseDir));
    }

    /** Generates the recipe's graphs for graph classification. */
    public static GraphSet loadGraphSet(DataRecipe recipe, long seed) {
        if (!Generators.makesGraphSet(recipe)) {
            throw new DataFileException("The data are not a set of graphs: use a generator of graph sets ("
                    + String.join(", ", Generators.GRAPH_SET_NAMES) + ") or a CSV edge table starting"
                    + " graph_id,source,target.");
        }
        return Generators.generateGraphSet(recipe, seed);
    }

    /**
     * The recipe's graphs for graph classification, generated or read from a CSV edge table with its node and graph
     * tables (split by the graph table's split column, else 20 % validation and 20 % test, as the features'
     * standardization assumes when no settings are given).
     */
    public static GraphSet loadGraphSet(DataRecipe recipe, Path baseDir, long seed) {
        if (Generators.makesGraphSet(recipe)) {
            return loadGraphSet(recipe, seed);
        }
        return loadGraphSetSplit(new TrainingSettings(1, 1, 0.001, "adam", TrainingSettings.AUTO, seed,
                TEXT_VALIDATION, TEXT_TEST, recipe), baseDir).set();
    }

    /**
     * Why a set of graphs cannot train a network whose graph input gives {@code features} (nodes × features per
     * node) and whose output layer gives {@code output}, or empty when it can; the words a graph-classification run
     * uses.
     */
    public static Optional<String> whyNotFit(GraphSet set, Shape features, String inputId, Shape output,
                                             String outputId) {
        int largest = set.maxNodes();
        if (features.rank() != 2 || features.dim(0) < largest || features.dim(1) != set.featureCount()) {
            return Optional.of(DataMismatch.graphVsInput(largest, set.featureCount(), true,
                    inputId, features));
        }
        int classes = set.numClasses();
        if (!output.equals(Shape.of(classes))) {
            return Optional.of(DataMismatch.graphClassesVsOutput(classes, outputId, output));
        }
        return Optional.empty();
    }

    /**
     * The settings' graphs split for graph classification: a generator's split by the settings' fractions, or a CSV
     * edge table's graphs (with their node and graph tables) split by the graph table's {@code split} column or the
     * fractions, node features standardized with the training graphs.
     */
    public static GraphSet.Split loadGraphSetSplit(TrainingSettings settings, Path baseDir) {
        DataRecipe recipe = settings.data();
        if (Generators.makesGraphSet(recipe)) {
            return loadGraphSet(recipe, settings.seed()).split(settings.validationSplit(), settings.testSplit(),
                    settings.seed());
        }
        if (!isGraphSet(recipe, baseDir)) {
            throw new DataFileException("The data are not a set of graphs: use a CSV edge table starting"
                    + " graph_id,source,target with its node and graph tables beside it.");
        }
        return GraphData.readSet(path(recipe, baseDir), settings.validationSplit(), settings.testSplit(),
                settings.seed());
    }

    /**
     * The settings' graph with its nodes split for node classification: a generator's graph split by the fractions,
     * or an edge table's graph split by its node table's {@code split} column or the fractions (stratified, seeded),
     * node features standardized with the training nodes.
     */
    public static NodeSplit loadNodeSplit(TrainingSettings settings, Path baseDir) {
        DataRecipe recipe = settings.data();
        if ("csv".equals(recipe.kind()) && isGraph(recipe, baseDir)) {
            return GraphData.readSplit(path(recipe, baseDir), settings.validationSplit(), settings.testSplit(),
                    settings.seed());
        }
        return loadGraph(recipe, baseDir, settings.seed()).split(settings.validationSplit(), settings.testSplit(),
                settings.seed());
    }

    /**
     * How the settings' graph data made its node features from the node table (standardization fitted on the training
     * nodes or graphs, as a run fits it), keyed {@link GraphDataset#NODE_FEATURES}; empty for data that are not graphs.
     */
    public static java.util.Map<String, org.netwright.model.task.FieldTransform> graphTransforms(TrainingSettings settings,
                                                                                                Path baseDir) {
        DataRecipe recipe = settings.data();
        if (recipe == null) {
            return java.util.Map.of();
        }
        if (isGraphSet(recipe, baseDir)) {
            return java.util.Map.of(GraphDataset.NODE_FEATURES, loadGraphSetSplit(settings, baseDir).set().featureTransform());
        }
        if (isGraph(recipe, baseDir)) {
            return java.util.Map.of(GraphDataset.NODE_FEATURES, loadNodeSplit(settings, baseDir).graph().featureTransform());
        }
        return java.util.Map.of();
    }

    /** Loads the recipe's graph; an edge table's node table is found beside it. */
    public static GraphDataset loadGraph(DataRecipe recipe, Path baseDir, long seed) {
        if (!isGraph(recipe, baseDir)) {
            throw new DataFileException("The data are not a graph: use the communities generator or a CSV edge table"
                    + " with the header source,target.");
        }
        return "generator".equals(recipe.kind()) ? Generators.generateGraph(recipe, seed)
                : GraphData.read(path(recipe, baseDir));
    }

    /** Loads the recipe's samples; relative file paths are resolved against {@code baseDir}. */
    public static Dataset load(DataRecipe recipe, Path baseDir, long seed) {
        if (isGraph(recipe, baseDir)) {
            // Read as a table, an edge list would become samples of node ids labelled by edge weight.
            throw new DataFileException("The data are one graph, not samples: a network that starts with a graph"
                    + " input trains on them.");
        }
        if (isGraphSet(recipe, baseDir)) {
            throw new DataFileException("The data are many small graphs, not samples: a network that starts with a"
                    + " graph input and pools each graph with a graph readout trains on them.");
        }
        return switch (recipe.kind()) {
            case "generator" -> Generators.generate(recipe, seed);
            case "csv" -> asDataset(TableData.load(recipe, path(recipe, baseDir), baseDir, TEXT_VALIDATION, TEXT_TEST,
                    seed, false).all(), path(recipe, baseDir));
            case "idx" -> IdxData.read(path(recipe, baseDir));
            case TimeSeriesData.KIND -> throw new DataFileException("The data are a time series cut into windows"
                    + " (fields window and target), not features and a class label: a forecasting network trains on"
                    + " them.");
            case ImageFolderData.KIND -> throw new DataFileException("The data are a folder of images (fields image"
                    + " and label); they load as samples with named fields.");
            case TextData.KIND -> throw new DataFileException("The data are text cut into windows of characters"
                    + " (fields tokens and next_tokens), not features and a class label: a language model trains on"
                    + " them.");
            default -> throw new DataFileException("Unknown kind of data '" + recipe.kind()
                    + "'; use generator, csv, idx or text.");
        };
    }

    /**
     * Loads the recipe's samples with named fields: a field generator's own fields, or a file's or classic
     * generator's features and {@code label}; relative file paths are resolved against {@code baseDir}.
     */
    public static Samples loadSamples(DataRecipe recipe, Path baseDir, long seed) {
        return loadSamples(recipe, baseDir, seed, TEXT_VALIDATION, TEXT_TEST);
    }

    /**
     * The settings' samples with named fields, as {@link #loadSamples(DataRecipe, Path, long)}; a text recipe
     * without a pinned vocabulary takes the characters of the stretch the settings' split keeps for training.
     */
    public static Samples loadSamples(TrainingSettings settings, Path baseDir) {
        return loadSamples(settings.data(), baseDir, settings.seed(), settings.validationSplit(), settings.testSplit());
    }

    /**
     * The settings' samples as a network with these ends reads them, fitted to its inputs as {@link #fitTo}: a table
     * read by a token input keeps its whole-number features as unstandardized token ids.
     */
    public static Samples loadSamples(TrainingSettings settings, Path baseDir, org.netwright.model.task.NetworkEnds ends) {
        return fitTo(loadSamples(settings.data(), baseDir, settings.seed(), settings.validationSplit(),
                settings.testSplit(), readsTokens(ends)), ends);
    }

    private static Samples loadSamples(DataRecipe recipe, Path baseDir, long seed, double validation, double test) {
        return loadSamples(recipe, baseDir, seed, validation, test, false);
    }

    private static Samples loadSamples(DataRecipe recipe, Path baseDir, long seed, double validation, double test,
                                       boolean tokenIds) {
        if (Generators.makesFields(recipe)) {
            return Generators.generateSamples(recipe, seed);
        }
        if (isTable(recipe, baseDir)) {
            return TableData.load(recipe, path(recipe, baseDir), baseDir, validation, test, seed, tokenIds).all();
        }
        if (TextClassData.KIND.equals(recipe.kind())) {
            return TextClassData.load(recipe, path(recipe, baseDir), baseDir, validation, test, seed).all();
        }
        if (TextData.KIND.equals(recipe.kind())) {
            return TextData.load(recipe, path(recipe, baseDir), validation, test);
        }
        if (TimeSeriesData.KIND.equals(recipe.kind())) {
            return TimeSeriesData.loadAll(recipe, path(recipe, baseDir), validation, test);
        }
        if (ImageFolderData.KIND.equals(recipe.kind())) {
            return ImageFolderData.loadAll(recipe, path(recipe, baseDir), notice -> { });
        }
        if (IdxData.KIND.equals(recipe.kind())) {
            return IdxData.loadAll(recipe, path(recipe, baseDir));
        }
        return Samples.of(load(recipe, baseDir, seed));
    }

    /**
     * The settings' samples split for training, each part fitted to the network's inputs as {@link #fitTo}: a time
     * series is split before it is cut into windows; a given test set (option {@value #TEST}, an IDX {@code t10k-*}
     * file, an image folder's {@code test/}) is the test part and the data gives training and validation; other
     * samples are split by the settings' fractions (a data file's stratified by class, samples in time order kept in
     * order). Notices about the data (what was read, images resized or skipped) go to {@code notices}, one line each.
     */
    public static Samples.Split loadSplit(TrainingSettings settings, Path baseDir,
                                          org.netwright.model.task.NetworkEnds ends,
                                          java.util.function.Consumer<String> notices) {
        return prepare(settings, baseDir, ends, notices).split();
    }

    /** A run's data split and fitted to its network, with the summary of a table or text file (what was decided). */
    public record Prepared(Samples.Split split, Optional<DataSummary> summary) {
    }

    /**
     * As {@link #loadSplit}, and for a table or a text file the {@link DataSummary} announcing what was decided for
     * the user (a guessed label, the task, columns left out, missing cells); those sentences are not sent to
     * {@code notices}, whose lines are about other kinds of data.
     */
    public static Prepared prepare(TrainingSettings settings, Path baseDir, org.netwright.model.task.NetworkEnds ends,
                                   java.util.function.Consumer<String> notices) {
        DataRecipe recipe = settings.data();
        Path testFile = testPath(recipe, baseDir);
        Samples.Split split;
        if (isTable(recipe, baseDir) || TextClassData.KIND.equals(recipe.kind())) {
            TableData.Loaded loaded = loadTable(settings, baseDir, readsTokens(ends));
            Samples.Split s = loaded.split();
            return new Prepared(new Samples.Split(fitTo(s.train(), ends), fitTo(s.validation(), ends),
                    fitTo(s.test(), ends)), Optional.of(loaded.summary()));
        }
        if (TimeSeriesData.KIND.equals(recipe.kind())) {
            if (testFile != null) {
                throw new DataFileException("A time series is tested on its last stretch; give its fractions with "
                        + DataOption.SPLIT.named() + " instead of a separate test file (" + testFile + ").");
            }
            split = TimeSeriesData.load(recipe, path(recipe, baseDir), settings.validationSplit(), settings.testSplit());
        } else if (ImageFolderData.KIND.equals(recipe.kind())) {
            split = ImageFolderData.load(recipe, path(recipe, baseDir), testFile, settings.validationSplit(),
                    settings.testSplit(), settings.seed(), notices);
        } else if (IdxData.KIND.equals(recipe.kind())) {
            split = IdxData.load(recipe, path(recipe, baseDir), testFile, settings.validationSplit(),
                    settings.testSplit(), settings.seed(), notices);
        } else if ("generator".equals(recipe.kind())) {
            return new Prepared(fitTo(loadSamples(settings, baseDir), ends)
                    .split(settings.validationSplit(), settings.testSplit(), settings.seed()), Optional.empty());
        } else if (testFile != null) {
            Samples train = loadSamples(settings, baseDir);
            Samples test = withTrainingTransforms(loadSamples(settings.withData(withPath(recipe, testFile)), baseDir),
                    train);
            Samples.Split s = train.stratifiedSplit(settings.validationSplit(), 0, settings.seed());
            split = new Samples.Split(s.train(), s.validation(), test);
        } else {
            split = loadSamples(settings, baseDir).stratifiedSplit(settings.validationSplit(), settings.testSplit(),
                    settings.seed());
        }
        return new Prepared(new Samples.Split(fitTo(split.train(), ends), fitTo(split.validation(), ends),
                fitTo(split.test(), ends)), Optional.empty());
    }

    /** A table's or text file's samples and summary under the settings' split. */
    private static TableData.Loaded loadTable(TrainingSettings settings, Path baseDir, boolean tokenIds) {
        DataRecipe recipe = settings.data();
        return TextClassData.KIND.equals(recipe.kind())
                ? TextClassData.load(recipe, path(recipe, baseDir), baseDir, settings.validationSplit(),
                settings.testSplit(), settings.seed())
                : TableData.load(recipe, path(recipe, baseDir), baseDir, settings.validationSplit(), settings.testSplit(),
                settings.seed(), tokenIds);
    }

    /**
     * What a run of these settings would see of its data, for {@code netwright data}: a table's or text file's own
     * summary, else the samples' fields, classes and split; notices about the data (images resized) are added.
     */
    public static DataSummary describe(TrainingSettings settings, Path baseDir) {
        DataRecipe recipe = settings.data();
        if (isTable(recipe, baseDir) || TextClassData.KIND.equals(recipe.kind())) {
            return loadTable(settings, baseDir, false).summary();
        }
        String source = recipe.options().containsKey("path") ? path(recipe, baseDir).toString()
                : String.valueOf(recipe.options().get("name"));
        if (isGraph(recipe, baseDir)) {
            NodeSplit nodeSplit = loadNodeSplit(settings, baseDir);
            GraphDataset g = nodeSplit.graph();
            float[] ids = new float[g.nodes()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = g.labels()[i];
            }
            Samples nodes = new Samples(List.of(new Samples.Column(org.netwright.model.task.DataField.values(
                    GraphDataset.NODE_FEATURES, Shape.of(g.featureCount())), g.features()),
                    new Samples.Column(org.netwright.model.task.DataField.classId("label", g.numClasses()), ids)),
                    g.nodes(), false);
            return DataSummary.of("graph", source, nodes, new int[] {nodeSplit.train().length,
                    nodeSplit.validation().length, nodeSplit.test().length},
                    List.of("One graph of " + g.nodes() + " nodes and " + g.edgeCount() + " edges; its nodes are the"
                            + " samples.", featureWords(g.featureTransform(), g.featureCount(), "nodes")));
        }
        if (isGraphSet(recipe, baseDir)) {
            GraphSet.Split sp = loadGraphSetSplit(settings, baseDir);
            GraphSet set = sp.set();
            List<org.netwright.model.task.DataField> fields = List.of(org.netwright.model.task.DataField.values(
                    GraphDataset.NODE_FEATURES, Shape.of(set.maxNodes(), set.featureCount())),
                    org.netwright.model.task.DataField.classId("label", set.numClasses()));
            List<Integer> counts = java.util.Arrays.stream(set.classCounts()).boxed().toList();
            int minNodes = Integer.MAX_VALUE;
            long nodeTotal = 0;
            long edgeTotal = 0;
            int minEdges = Integer.MAX_VALUE;
            int maxEdges = 0;
            for (int i = 0; i < set.size(); i++) {
                GraphSet.Item item = set.graph(i);
                int edges = edgeCount(item);
                minNodes = Math.min(minNodes, item.nodes());
                nodeTotal += item.nodes();
                edgeTotal += edges;
                minEdges = Math.min(minEdges, edges);
                maxEdges = Math.max(maxEdges, edges);
            }
            List<String> notices = List.of(String.format(java.util.Locale.ROOT, "%d graphs of %d to %d nodes (%.1f on"
                            + " average) and %d to %d edges (%.1f on average); each graph is one sample.", set.size(),
                    minNodes, set.maxNodes(), nodeTotal / (double) set.size(), minEdges, maxEdges,
                    edgeTotal / (double) set.size()),
                    "Smaller graphs are padded to the largest (" + set.maxNodes() + " nodes) when batched.",
                    featureWords(set.featureTransform(), set.featureCount(), "graphs' nodes"));
            return new DataSummary("graphs", source, set.size(), fields, Optional.of("classification"),
                    Optional.empty(), false, set.classNames(), counts, List.of(), 0, "",
                    new int[] {sp.train().length, sp.validation().length, sp.test().length}, notices);
        }
        List<String> notices = new java.util.ArrayList<>();
        Samples.Split split = prepare(settings, baseDir, org.netwright.model.task.NetworkEnds.of(
                org.netwright.model.graph.Graph.of(List.of(), List.of())), notices::add).split();
        Samples all = loadSamples(settings, baseDir);
        String kind = "generator".equals(recipe.kind()) ? "generator" : recipe.kind();
        return DataSummary.of(kind, source, all, new int[] {split.train().size(), split.validation().size(),
                split.test().size()}, notices);
    }

    /** Undirected edges of one graph of a set (pairs i < j joined). */
    private static int edgeCount(GraphSet.Item item) {
        int n = item.nodes();
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (item.adjacency()[i * n + j] != 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A sentence on how the node features were made: standardized columns, or made up when the table had none. */
    private static String featureWords(org.netwright.model.task.FieldTransform t, int features, String fittedOn) {
        String made = t.options().get(GraphData.MADE_FEATURES);
        if ("identity".equals(made)) {
            return "The node table has no feature columns: every node gets a one-hot identity (" + features
                    + " features).";
        }
        if ("ones".equals(made)) {
            return "The node table has no feature columns: every node gets the single feature 1, and the layers learn"
                    + " from the edges alone.";
        }
        String columns = t.options().getOrDefault("columns", "");
        return features + " feature" + (features == 1 ? "" : "s") + " per node" + (columns.isEmpty() ? ""
                : " (" + columns.replace(",", ", ") + ")") + (t.offset().length == 0 ? "."
                : ", standardized with the training " + fittedOn + ".");
    }

    /**
     * Where the recipe's data say themselves which samples train, validate and test: a graph's node or graph table,
     * or a table, with a {@value GraphData#SPLIT} column (a table's unless it is the label or named among the
     * features); the split fractions do not apply to such data. Empty for other data.
     */
    public static Optional<String> splitColumn(DataRecipe recipe, Path baseDir) {
        if (recipe == null || !"csv".equals(recipe.kind()) || recipe.options().get("path") == null) {
            return Optional.empty();
        }
        Path file = path(recipe, baseDir);
        if (isGraph(recipe, baseDir) || isGraphSet(recipe, baseDir)) {
            return GraphData.splitTable(file).map(t -> t + " has a '" + GraphData.SPLIT + "' column, which says which "
                    + (isGraphSet(recipe, baseDir) ? "graphs" : "nodes") + " train, validate and test");
        }
        TableOptions options = TableOptions.of(recipe);
        boolean named = options.label().map(l -> l.trim().equalsIgnoreCase(GraphData.SPLIT)).orElse(false)
                || options.features().stream().anyMatch(f -> f.trim().equalsIgnoreCase(GraphData.SPLIT));
        if (named || !GraphData.hasColumn(file, GraphData.SPLIT)) {
            return Optional.empty();
        }
        return Optional.of(file + " has a '" + GraphData.SPLIT + "' column, which says which rows train, validate and"
                + " test");
    }

    /** Whether a recipe names a plain table (a CSV or TSV file that is not the edge table of a graph or of graphs). */
    static boolean isTable(DataRecipe recipe, Path baseDir) {
        return "csv".equals(recipe.kind()) && recipe.options().get("path") != null && !isGraph(recipe, baseDir)
                && !isGraphSet(recipe, baseDir);
    }

    /** Whether the network's one data input is a token input, which reads a table's features as token ids. */
    static boolean readsTokens(org.netwright.model.task.NetworkEnds ends) {
        List<org.netwright.model.task.NetworkEnds.End> plain = ends.inputs().stream()
                .filter(e -> !e.type().equals("noise_input") && !e.type().equals("label_input")).toList();
        return plain.size() == 1 && plain.get(0).type().equals("token_input");
    }

    /** A classification table's samples as a dataset of features and class labels. */
    private static Dataset asDataset(Samples s, Path file) {
        Samples.Column label = s.classField().orElseThrow(() -> new DataFileException(file + " has a label of real"
                + " numbers (a regression); these samples need class labels."));
        Samples.Column features = s.require("features");
        int[] labels = new int[s.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) label.values()[i];
        }
        return new Dataset(features.values(), features.field().shape(), labels, label.field().classes());
    }

    /** A network fitted to its data: the edited graph, the settings (images resized when asked) and what changed. */
    public record Fitted(org.netwright.model.graph.Graph graph, TrainingSettings settings, List<String> changes) {
    }

    /**
     * The network fitted to the settings' data file (see {@link org.netwright.model.command.FitNetworkToData}): the
     * input layer takes the data's shape and the output one score per class; when the network cannot take the
     * images' size they are resized to its input (recipe option {@code image_size}). Generated data is left alone.
     */
    public static Fitted fitNetwork(org.netwright.model.graph.Graph graph, TrainingSettings settings, Path baseDir) {
        DataRecipe recipe = settings.data();
        if (recipe == null || "generator".equals(recipe.kind())) {
            return new Fitted(graph, settings, List.of());
        }
        org.netwright.model.command.FitNetworkToData fit;
        if (isGraphSet(recipe, baseDir)) {
            GraphSet set = loadGraphSetSplit(settings, baseDir).set();
            fit = org.netwright.model.command.FitNetworkToData.forGraphSet(graph, set.maxNodes(), set.featureCount(),
                    set.numClasses());
        } else if (isGraph(recipe, baseDir)) {
            GraphDataset g = loadGraph(recipe, baseDir, settings.seed());
            fit = org.netwright.model.command.FitNetworkToData.forGraph(graph, g.nodes(), g.featureCount(),
                    g.numClasses());
        } else {
            fit = org.netwright.model.command.FitNetworkToData.forSamples(graph,
                    loadSamples(settings, baseDir).fields());
        }
        TrainingSettings s = settings;
        if (fit.resizeImagesTo().isPresent() && recipe.options().get("image_size") == null) {
            int[] hw = fit.resizeImagesTo().get();
            java.util.Map<String, Object> options = new java.util.LinkedHashMap<>(recipe.options());
            options.put("image_size", hw[0] + "x" + hw[1]);
            s = settings.withData(new DataRecipe(recipe.kind(), options));
        }
        return new Fitted(fit.apply(graph), s, fit.changes());
    }

    /** The recipe's separate test set (option {@value #TEST}) resolved against {@code baseDir}, or null. */
    static Path testPath(DataRecipe recipe, Path baseDir) {
        Object t = recipe == null ? null : recipe.options().get(TEST);
        if (t == null) {
            return null;
        }
        Path file = Path.of(t.toString());
        file = file.isAbsolute() || baseDir == null ? file : baseDir.resolve(file);
        if (!java.nio.file.Files.exists(file)) {
            throw new DataFileException("There is no test set " + file + " (named with " + DataOption.TEST.named()
                    + (DataOption.forApp() ? "; choose the data again with " + DataOption.TEST.where() : "") + ").");
        }
        return file;
    }

    private static DataRecipe withPath(DataRecipe recipe, Path file) {
        java.util.Map<String, Object> options = new java.util.LinkedHashMap<>(recipe.options());
        options.put("path", file.toString());
        options.remove(TEST);
        return new DataRecipe(recipe.kind(), options);
    }

    /**
     * A separate test set read on its own, brought to the training data's transforms: where both note a
     * standardization ({@code (raw - offset) / scale}) for a field, the test values are taken back to raw with their
     * own and forward with the training one, so the test set is never standardized by its own statistics; the
     * fields must agree with the training data's.
     */
    static Samples withTrainingTransforms(Samples test, Samples train) {
        List<Samples.Column> columns = new java.util.ArrayList<>();
        for (org.netwright.model.task.DataField f : train.fields()) {
            org.netwright.model.task.DataField t = test.column(f.name()).map(Samples.Column::field).orElse(null);
            boolean ids = f.kind() == org.netwright.model.task.DataField.Kind.CLASS_ID
                    || f.kind() == org.netwright.model.task.DataField.Kind.TOKEN_IDS;
            if (t == null || t.kind() != f.kind() || !t.shape().equals(f.shape()) || (ids && t.classes() > f.classes()
                    && train.transform(f.name()).labels().isEmpty())) {
                throw new DataFileException("The test set's fields (" + describe(test) + ") differ from the training"
                        + " data's (" + describe(train) + "); a test set must have the same columns, shapes and classes.");
            }
            float[] v = test.require(f.name()).values().clone();
            org.netwright.model.task.FieldTransform own = test.transform(f.name());
            org.netwright.model.task.FieldTransform wanted = train.transform(f.name());
            if (own.offset().length > 0 && wanted.offset().length > 0) {
                double[] o1 = own.offset();
                double[] s1 = own.scale();
                double[] o2 = wanted.offset();
                double[] s2 = wanted.scale();
                for (int i = 0; i < v.length; i++) {
                    int k1 = o1.length == 1 ? 0 : i % o1.length;
                    int k2 = o2.length == 1 ? 0 : i % o2.length;
                    double raw = v[i] * s1[k1] + o1[k1];
                    v[i] = (float) ((raw - o2[k2]) / s2[k2]);
                }
            }
            if (ids && !own.labels().isEmpty() && !wanted.labels().isEmpty() && !own.labels().equals(wanted.labels())) {
                // Each file names its own classes in its own order: map the test's ids by name.
                for (int i = 0; i < v.length; i++) {
                    String name = own.labels().get((int) v[i]);
                    int id = wanted.labels().indexOf(name);
                    if (id < 0) {
                        throw new DataFileException("The test set's field '" + f.name() + "' has the class '" + name
                                + "', which the training data does not have.");
                    }
                    v[i] = id;
                }
            }
            columns.add(new Samples.Column(f, v));
        }
        Samples out = new Samples(columns, test.size(), test.ordered());
        for (var e : train.transforms().entrySet()) {
            out = out.withTransform(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String describe(Samples s) {
        return String.join(", ", s.fields().stream().map(f -> f.name() + ": " + f.describe()).toList());
    }

    /**
     * The settings with what maps a run's numbers back to the data written into the recipe: a text recipe's
     * vocabulary (option {@value TextData#CHARACTERS}), a time series' training statistics (option
     * {@value TimeSeriesData#STANDARDIZATION}) or an image folder's class names (option
     * {@value ImageFolderData#CLASSES}); other settings unchanged.
     */
    public static TrainingSettings withPinnedVocabulary(TrainingSettings settings, Path baseDir) {
        DataRecipe data = settings.data();
        if (data != null && TimeSeriesData.KIND.equals(data.kind())) {
            return settings.withData(TimeSeriesData.pinStatistics(data, path(data, baseDir), settings.validationSplit(),
                    settings.testSplit()));
        }
        if (data != null && ImageFolderData.KIND.equals(data.kind())) {
            return settings.withData(ImageFolderData.pinClasses(data, path(data, baseDir)));
        }
        if (data == null || !TextData.KIND.equals(data.kind())) {
            return settings;
        }
        return settings.withData(TextData.pinVocabulary(data, path(data, baseDir), settings.validationSplit(),
                settings.testSplit()));
    }

    /**
     * The samples as the network's input layers want them: a values field of the same size as the one input
     * layer that reads it but another layout (1×8×8 images into an MLP of 64 inputs) is seen in the input's shape.
     */
    public static Samples fitTo(Samples data, org.netwright.model.task.NetworkEnds ends) {
        List<org.netwright.model.task.NetworkEnds.End> plain = ends.inputs().stream()
                .filter(e -> !e.type().equals("noise_input") && !e.type().equals("label_input")
                        && !e.type().equals("graph_input") && e.shape() != null).toList();
        if (plain.size() != 1) {
            return data;
        }
        Shape input = plain.get(0).shape();
        for (org.netwright.model.task.DataField f : data.fields()) {
            if (input.rank() == 1 && f.kind() == org.netwright.model.task.DataField.Kind.VALUES && !f.shape().equals(input)
                    && f.shape().size() == input.size() && data.fields().stream().noneMatch(g -> g.shape().equals(input))) {
                return data.reshaped(f.name(), input);
            }
        }
        return data;
    }

    /**
     * The recipe for a data file named on the command line: IDX for a folder holding IDX files, an image folder for
     * another folder, IDX or text ({@code .txt})
     * when the name says so, else CSV.
     */
    public static DataRecipe recipeFor(Path file) {
        if (IdxData.isIdxFolder(file)) {
            return DataRecipe.file(IdxData.KIND, file.toString());
        }
        if (java.nio.file.Files.isDirectory(file)) {
            return DataRecipe.file(TextClassData.isTextFolder(file) ? TextClassData.KIND : ImageFolderData.KIND,
                    file.toString());
        }
        if (TextData.isTextFile(file)) {
            return DataRecipe.file(TextData.KIND, file.toString());
        }
        return DataRecipe.file(IdxData.isImageFile(file) ? "idx" : "csv", file.toString());
    }

    /**
     * The dataset as the input layer wants it: unchanged when the shapes are equal, flattened when the
     * input is a vector of the same size (e.g. 1×8×8 images into an MLP of 64 inputs), refused otherwise.
     */
    public static Dataset fitTo(Dataset data, Shape input, String inputId) {
        if (data.sampleShape().equals(input)) {
            return data;
        }
        if (input.rank() == 1 && input.size() == data.sampleShape().size()) {
            return data.reshaped(input);
        }
        throw new DataFileException(DataMismatch.samplesVsInput(data.sampleShape(), inputId,
                input));
    }

    /**
     * Why the samples cannot train a network whose input layer gives {@code input} and whose output layer gives
     * {@code output}, or empty when they can: the layout check of {@link #fitTo} and the class count a run checks
     * before its first step, in the same words, so a program can refuse data before it starts a run.
     */
    public static Optional<String> whyNotFit(Dataset data, Shape input, String inputId, Shape output, String outputId) {
        try {
            fitTo(data, input, inputId);
        } catch (DataFileException e) {
            return Optional.of(e.getMessage());
        }
        return whyNotClasses(data.numClasses(), output, outputId);
    }

    /** Why an output layer giving {@code output} cannot score {@code classes} classes, or empty when it can. */
    public static Optional<String> whyNotClasses(int classes, Shape output, String outputId) {
        if (output.rank() != 1 || output.dim(0) != classes) {
            return Optional.of(DataMismatch.classesVsOutput(classes, outputId, output));
        }
        return Optional.empty();
    }

    /**
     * Why one graph cannot train a network whose graph input gives {@code features} (nodes × features per node)
     * and whose output layer gives {@code output}, or empty when it can; the words a node-classification run uses.
     */
    public static Optional<String> whyNotFit(GraphDataset graph, Shape features, String inputId, Shape output,
                                             String outputId) {
        int n = graph.nodes();
        int f = graph.featureCount();
        if (features.rank() != 2 || features.dim(0) != n || features.dim(1) != f) {
            return Optional.of(DataMismatch.graphVsInput(n, f, false, inputId, features));
        }
        if (!output.equals(Shape.of(n, graph.numClasses()))) {
            return Optional.of(DataMismatch.nodeClassesVsOutput(n, graph.numClasses(),
                    outputId, output));
        }
        return Optional.empty();
    }

    private static Path path(DataRecipe recipe, Path baseDir) {
        Object p = recipe.options().get("path");
        if (p == null) {
            throw new DataFileException("The " + recipe.kind() + " data recipe names no file (option 'path').");
        }
        Path file = Path.of(p.toString());
        return file.isAbsolute() || baseDir == null ? file : baseDir.resolve(file);
    }
}
