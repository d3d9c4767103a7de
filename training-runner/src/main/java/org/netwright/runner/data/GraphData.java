package org.netwright.runner.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;

/**
 * Reads graphs from CSV tables with header rows.
 *
 * <p>One graph for node classification: an edge table whose first columns are {@code source,target} (further
 * columns such as a weight are ignored; edges count both ways, an undirected 0/1 adjacency) and a node table beside
 * it, named as the edge file with {@code edges} turned into {@code nodes} ({@code karate_edges.csv} ->
 * {@code karate_nodes.csv}). The node table's first column is the node id; its label column is {@code label_id},
 * else {@code label}, else the last column; an optional {@value #SPLIT} column says which nodes train, validate and
 * test ({@code train}, {@code val}, {@code test}); its other all-numeric columns are node features, standardized
 * with the training nodes' mean and deviation, and when it has none every node gets a one-hot identity.
 *
 * <p>Many graphs for graph classification: the edge table starts {@code graph_id,source,target}, the node table
 * {@code graph_id,node} (features after them; node ids are per graph), and a graph table {@code NAME_graphs.csv}
 * gives each {@code graph_id} its label (and optionally a {@value #SPLIT}). Features are standardized with the
 * training graphs' nodes; when there are none every node gets the single feature 1 (a set's graphs differ in size,
 * so an identity has no common width), and the layers learn from the edges alone.
 */
public final class GraphData {
    /** The optional column of a node or graph table that places each row in {@code train}, {@code val} or {@code test}. */
    public static final String SPLIT = "split";
    private static final String EDGES = "edges";
    private static final String NODES = "nodes";
    private static final String GRAPHS = "graphs";
    private static final String GRAPH_ID = "graph_id";

    private GraphData() {
    }

    /** Whether the file is a CSV edge table of one graph: its header starts with {@code source,target}; false when unreadable. */
    public static boolean isEdgeList(Path file) {
        String[] h = header(file);
        return h.length >= 2 && h[0].equalsIgnoreCase("source") && h[1].equalsIgnoreCase("target");
    }

    /** Whether the file is a CSV edge table of many graphs: its header starts with {@code graph_id,source,target}. */
    public static boolean isGraphSetEdgeList(Path file) {
        String[] h = header(file);
        return h.length >= 3 && h[0].equalsIgnoreCase(GRAPH_ID) && h[1].equalsIgnoreCase("source")
                && h[2].equalsIgnoreCase("target");
    }

    /**
     * The table that splits this edge table's data by its {@value #SPLIT} column: the node table of one graph, or
     * the graph table of many; empty when it has none (or is not beside it).
     */
    static java.util.Optional<Path> splitTable(Path edgeFile) {
        String kind = isGraphSetEdgeList(edgeFile) ? GRAPHS : NODES;
        Path table;
        try {
            table = beside(edgeFile, kind, "table", "");
        } catch (DataFileException e) {
            return java.util.Optional.empty();
        }
        return hasColumn(table, SPLIT) ? java.util.Optional.of(table) : java.util.Optional.empty();
    }

    /** Whether the CSV file's header names the column (case-insensitive); only the header is read. */
    static boolean hasColumn(Path file, String column) {
        return Arrays.stream(header(file)).anyMatch(h -> h.trim().equalsIgnoreCase(column));
    }

    private static String[] header(Path file) {
        if (!Files.isRegularFile(file)) {
            // A device or a pipe may never end a line; whoever reads it for real refuses it.
            return new String[0];
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = CsvTable.readLine(in, file, 1);
            return header == null ? new String[0] : CsvTable.split(header.replace("\uFEFF", ""));
        } catch (IOException | RuntimeException e) {
            // Not readable as text: whoever reads it for real reports why.
            return new String[0];
        }
    }

    /** The table beside an edge table: its name with {@code edges} turned into {@code kind}. */
    private static Path beside(Path edgeFile, String kind, String what, String columns) {
        String name = edgeFile.getFileName().toString();
        int at = name.toLowerCase(Locale.ROOT).lastIndexOf(EDGES);
        if (at < 0) {
            throw new DataFileException(edgeFile + " is an edge list (source,target), so its " + what + " must lie"
                    + " beside it; name them NAME_" + EDGES + ".csv and NAME_" + kind + ".csv.");
        }
        Path file = edgeFile.resolveSibling(name.substring(0, at) + kind + name.substring(at + EDGES.length()));
        if (Files.isDirectory(file)) {
            throw new DataFileException(file + " is a folder; it should be the " + what + " of " + edgeFile.getFileName()
                    + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(edgeFile + " is an edge list (source,target), but its " + what + " "
                    + file.getFileName() + " (" + columns + ") is not beside it.");
        }
        return file;
    }

    /** Reads an edge table and the node table beside it (see the class comment for the names). */
    public static GraphDataset read(Path edgeFile) {
        return readSplit(edgeFile, 0, 0, 0).graph();
    }

    /** Reads an edge table and a node table named freely; features standardized over the training nodes. */
    public static GraphDataset read(Path edgeFile, Path nodeFile) {
        return readSplit(edgeFile, nodeFile, 0, 0, 0).graph();
    }

    /**
     * One graph with its nodes split: the node table's {@value #SPLIT} column when it has one, else stratified by
     * class with the fractions and {@code seed}; features standardized with the training nodes.
     */
    public static NodeSplit readSplit(Path edgeFile, double validationFraction, double testFraction, long seed) {
        return readSplit(edgeFile, beside(edgeFile, NODES, "node table", "node id, features, label"), validationFraction,
                testFraction, seed);
    }

    private static NodeSplit readSplit(Path edgeFile, Path nodeFile, double validationFraction, double testFraction,
                                       long seed) {
        CsvTable nodes = CsvTable.read(nodeFile);
        Columns cols = Columns.of(nodes, nodeFile, 0, "node id");
        int n = nodes.rows().size();
        // The adjacency is a dense nodes × nodes table, and one-hot features can be another.
        DataFiles.requireRoom(nodeFile + "'s " + n + " nodes", 2.0 * n * n);
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < n; r++) {
            String id = nodes.rows().get(r)[0];
            if (index.put(id, r) != null) {
                throw new DataFileException(nodeFile + " line " + (r + 2) + " repeats the node id '" + id + "'.");
            }
        }
        int[] labels = new int[n];
        int classes = LabelColumn.classIds(nodes.rows().stream().map(row -> row[cols.label]).toArray(String[]::new),
                labels);
        if (classes < 2) {
            throw new DataFileException(nodeFile + ": the label column '" + nodes.header()[cols.label]
                    + "' has only one class.");
        }
        List<List<Integer>> parts = null;
        if (cols.split >= 0) {
            parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < n; r++) {
                parts.get(part(nodes.rows().get(r)[cols.split], nodeFile, r)).add(r);
            }
            if (parts.get(0).isEmpty()) {
                throw new DataFileException(nodeFile + ": the " + SPLIT + " column names no node 'train'; some nodes"
                        + " must train.");
            }
        }
        CsvTable edges = CsvTable.read(edgeFile);
        if (edges.header().length < 2) {
            throw new DataFileException(edgeFile + " needs two columns: the ids of the nodes an edge joins.");
        }
        float[] adjacency = new float[n * n];
        for (int r = 0; r < edges.rows().size(); r++) {
            String[] row = edges.rows().get(r);
            int a = node(index, row[0], edgeFile, r, nodeFile);
            int b = node(index, row[1], edgeFile, r, nodeFile);
            adjacency[a * n + b] = 1;
            adjacency[b * n + a] = 1;
        }
        boolean identity = cols.features.isEmpty();
        int f = identity ? n : cols.features.size();
        float[] features = identity ? GraphDataset.identityFeatures(n) : cols.values(nodes, nodeFile, 0, n);
        GraphDataset raw = new GraphDataset(n, features, f, adjacency, labels, classes);
        NodeSplit split;
        if (parts != null) {
            split = new NodeSplit(raw, ints(parts.get(0)), ints(parts.get(1)), ints(parts.get(2)));
        } else {
            split = raw.split(validationFraction, testFraction, seed);
        }
        if (identity) {
            GraphDataset named = new GraphDataset(n, features, f, adjacency, labels, classes,
                    FieldTransform.NONE.withOption(MADE_FEATURES, "identity"));
            return new NodeSplit(named, split.train(), split.validation(), split.test());
        }
        FieldTransform t = fitted(features, f, split.train(), cols.names(nodes));
        t.apply(features);
        GraphDataset standardized = new GraphDataset(n, features, f, adjacency, labels, classes, t);
        return new NodeSplit(standardized, split.train(), split.validation(), split.test());
    }

    /** Many labelled graphs, split by the graph table's {@value #SPLIT} column or stratified by class. */
    public static GraphSet.Split readSet(Path edgeFile, double validationFraction, double testFraction, long seed) {
        Path nodeFile = beside(edgeFile, NODES, "node table", "graph_id, node, features");
        Path graphFile = beside(edgeFile, GRAPHS, "graph table", "graph_id, label");
        CsvTable graphs = CsvTable.read(graphFile);
        Columns gcols = Columns.of(graphs, graphFile, idColumn(graphs, graphFile), GRAPH_ID);
        int g = graphs.rows().size();
        Map<String, Integer> graphIndex = new LinkedHashMap<>();
        for (int r = 0; r < g; r++) {
            if (graphIndex.put(graphs.rows().get(r)[gcols.id], r) != null) {
                throw new DataFileException(graphFile + " line " + (r + 2) + " repeats the graph id '"
                        + graphs.rows().get(r)[gcols.id] + "'.");
            }
        }
        int[] labels = new int[g];
        List<String> classNames = LabelColumn.classNames(graphs.rows().stream().map(row -> row[gcols.label])
                .toArray(String[]::new), labels);
        int classes = classNames.size();
        if (classes < 2) {
            throw new DataFileException(graphFile + ": the label column '" + graphs.header()[gcols.label]
                    + "' has only one class.");
        }
        CsvTable nodes = CsvTable.read(nodeFile);
        if (nodes.header().length < 2 || !nodes.header()[0].equalsIgnoreCase(GRAPH_ID)) {
            throw new DataFileException(nodeFile + " must start with the columns graph_id,node (then the features).");
        }
        Columns ncols = Columns.withoutLabel(nodes, nodeFile, 1);
        List<Map<String, Integer>> nodeIndex = new ArrayList<>();
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            nodeIndex.add(new HashMap<>());
            rowsOf.add(new ArrayList<>());
        }
        for (int r = 0; r < nodes.rows().size(); r++) {
            String[] row = nodes.rows().get(r);
            Integer gi = graphIndex.get(row[0]);
            if (gi == null) {
                throw new DataFileException(nodeFile + " line " + (r + 2) + " names the graph '" + row[0] + "', which "
                        + graphFile.getFileName() + " does not list.");
            }
            if (nodeIndex.get(gi).put(row[1], rowsOf.get(gi).size()) != null) {
                throw new DataFileException(nodeFile + " line " + (r + 2) + " repeats the node '" + row[1]
                        + "' of graph '" + row[0] + "'.");
            }
            rowsOf.get(gi).add(r);
        }
        for (int i = 0; i < g; i++) {
            if (rowsOf.get(i).isEmpty()) {
                throw new DataFileException(graphFile + " line " + (i + 2) + " lists the graph '"
                        + graphs.rows().get(i)[gcols.id] + "', which has no nodes in " + nodeFile.getFileName() + ".");
            }
        }
        int f = ncols.features.isEmpty() ? 1 : ncols.features.size();
        List<float[]> adjacency = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < g; i++) {
            int size = rowsOf.get(i).size();
            total += (double) size * size + (double) size * f;
        }
        DataFiles.requireRoom(edgeFile + "'s " + g + " graphs", total);
        for (int i = 0; i < g; i++) {
            int size = rowsOf.get(i).size();
            adjacency.add(new float[size * size]);
        }
        CsvTable edges = CsvTable.read(edgeFile);
        for (int r = 0; r < edges.rows().size(); r++) {
            String[] row = edges.rows().get(r);
            Integer gi = graphIndex.get(row[0]);
            if (gi == null) {
                throw new DataFileException(edgeFile + " line " + (r + 2) + " names the graph '" + row[0] + "', which "
                        + graphFile.getFileName() + " does not list.");
            }
            int a = node(nodeIndex.get(gi), row[1], edgeFile, r, nodeFile);
            int b = node(nodeIndex.get(gi), row[2], edgeFile, r, nodeFile);
            int size = rowsOf.get(gi).size();
            adjacency.get(gi)[a * size + b] = 1;
            adjacency.get(gi)[b * size + a] = 1;
        }
        // Split first: the features are standardized with the training graphs' nodes only.
        GraphSet.Split split;
        List<GraphSet.Item> plain = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            int size = rowsOf.get(i).size();
            float[] ones = new float[size * f];
            Arrays.fill(ones, 1);
            plain.add(new GraphSet.Item(size, ones, adjacency.get(i)));
        }
        GraphSet shapeOnly = new GraphSet(plain, f, labels, classes, FieldTransform.NONE.withOption(MADE_FEATURES,
                "ones"), classNames);
        if (gcols.split >= 0) {
            List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < g; r++) {
                parts.get(part(graphs.rows().get(r)[gcols.split], graphFile, r)).add(r);
            }
            split = new GraphSet.Split(shapeOnly, ints(parts.get(0)), ints(parts.get(1)), ints(parts.get(2)));
        } else {
            split = shapeOnly.split(validationFraction, testFraction, seed);
        }
        if (ncols.features.isEmpty()) {
            return split;
        }
        List<float[]> features = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            List<Integer> rows = rowsOf.get(i);
            float[] x = new float[rows.size() * f];
            for (int k = 0; k < rows.size(); k++) {
                System.arraycopy(ncols.values(nodes, nodeFile, rows.get(k), rows.get(k) + 1), 0, x, k * f, f);
            }
            features.add(x);
        }
        FieldTransform t = fittedOnSet(features, f, split.train(), ncols.names(nodes));
        features.forEach(t::apply);
        List<GraphSet.Item> items = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            items.add(new GraphSet.Item(rowsOf.get(i).size(), features.get(i), adjacency.get(i)));
        }
        GraphSet set = new GraphSet(items, f, labels, classes, t, classNames);
        return new GraphSet.Split(set, split.train(), split.validation(), split.test());
    }

    private static int idColumn(CsvTable t, Path file) {
        for (int c = 0; c < t.header().length; c++) {
            if (t.header()[c].equalsIgnoreCase(GRAPH_ID)) {
                return c;
            }
        }
        throw new DataFileException(file + " has no column " + GRAPH_ID + "; it gives each graph id its label.");
    }

    private static int node(Map<String, Integer> index, String id, Path edgeFile, int row, Path nodeFile) {
        Integer i = index.get(id);
        if (i == null) {
            throw new DataFileException(edgeFile + " line " + (row + 2) + " names the node '" + id + "', which "
                    + nodeFile.getFileName() + " does not list.");
        }
        return i;
    }

    /** 0 train, 1 validation, 2 test, from a split cell; anything else is refused naming the line. */
    static int part(String cell, Path file, int row) {
        return switch (cell.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> 0;
            case "val", "valid", "validation" -> 1;
            case "test", "testing" -> 2;
            default -> throw new DataFileException(file + " line " + (row + 2) + ": the " + SPLIT + " column holds '"
                    + cell + "'; use train, val or test.");
        };
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The option a graph's transform carries when its nodes have no features of their own: how they were made. */
    public static final String MADE_FEATURES = "node_features";

    /**
     * Standardization of each feature column fitted on the training rows ({@code x} row-major with {@code f} columns),
     * noted with the feature column names; a column without spread keeps scale 1.
     */
    private static FieldTransform fitted(float[] x, int f, int[] trainRows, List<String> names) {
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (int c = 0; c < f; c++) {
            double sum = 0;
            double sq = 0;
            for (int r : trainRows) {
                sum += x[r * f + c];
                sq += (double) x[r * f + c] * x[r * f + c];
            }
            int rows = trainRows.length;
            mean[c] = rows == 0 ? 0 : sum / rows;
            double std = rows == 0 ? 0 : Math.sqrt(Math.max(0, sq / rows - mean[c] * mean[c]));
            scale[c] = std > 1e-12 ? std : 1;
        }
        return new FieldTransform(mean, scale, List.of(), Map.of("columns", String.join(",", names)));
    }

    private static FieldTransform fittedOnSet(List<float[]> graphs, int f, int[] trainGraphs, List<String> names) {
        int rows = 0;
        for (int gi : trainGraphs) {
            rows += graphs.get(gi).length / f;
        }
        float[] train = new float[rows * f];
        int at = 0;
        for (int gi : trainGraphs) {
            System.arraycopy(graphs.get(gi), 0, train, at, graphs.get(gi).length);
            at += graphs.get(gi).length;
        }
        int[] all = new int[rows];
        for (int r = 0; r < rows; r++) {
            all[r] = r;
        }
        return fitted(train, f, all, names);
    }

    /** Which columns of a node or graph table are the id, the label, the split and the features. */
    private record Columns(int id, int label, int split, List<Integer> features) {
        static Columns of(CsvTable t, Path file, int id, String idName) {
            String[] h = t.header();
            if (h.length < 2) {
                throw new DataFileException(file + " needs a " + idName + " column and a label column.");
            }
            int split = find(h, SPLIT);
            int label = -1;
            for (String name : new String[] {"label_id", "label"}) {
                if (label < 0) {
                    label = find(h, name);
                }
            }
            for (int c = h.length - 1; c >= 0 && label < 0; c--) {
                if (c != split && c != id && !h[c].equalsIgnoreCase(GRAPH_ID)) {
                    label = c;
                }
            }
            if (label < 0 || label == id) {
                throw new DataFileException(file + ": the " + idName + " column cannot be the label; add a label"
                        + " column.");
            }
            int names = h[label].equalsIgnoreCase("label_id") ? find(h, "label") : -1;
            int labelCol = label;
            return new Columns(id, label, split, numeric(t, h, c -> c != id && c != split && c != names
                    && !h[c].equalsIgnoreCase(GRAPH_ID) && c != labelCol));
        }

        /** A set's node table: graph_id, node id, then features; no label. */
        static Columns withoutLabel(CsvTable t, Path file, int id) {
            String[] h = t.header();
            return new Columns(id, -1, -1, numeric(t, h, c -> c > id));
        }

        private static List<Integer> numeric(CsvTable t, String[] h, java.util.function.IntPredicate use) {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < h.length; c++) {
                if (use.test(c) && t.numeric(c)) {
                    out.add(c);
                }
            }
            return out;
        }

        /** The feature columns' names, in the order the features are. */
        List<String> names(CsvTable t) {
            return features.stream().map(c -> t.header()[c]).toList();
        }

        private static int find(String[] h, String name) {
            for (int c = 0; c < h.length; c++) {
                if (h[c].equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return -1;
        }

        /** The feature values of rows {@code from..to-1}, row after row. */
        float[] values(CsvTable t, Path file, int from, int to) {
            int f = features.size();
            float[] out = new float[(to - from) * f];
            for (int r = from; r < to; r++) {
                for (int k = 0; k < f; k++) {
                    float v = Float.parseFloat(t.rows().get(r)[features.get(k)]);
                    if (!Float.isFinite(v)) {
                        throw new DataFileException(file + " line " + (r + 2) + ": the feature '" + t.header()[features.get(k)]
                                + "' is " + v + "; features must be finite numbers.");
                    }
                    out[(r - from) * f + k] = v;
                }
            }
            return out;
        }
    }
}
