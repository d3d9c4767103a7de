package org.netwright.runner.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netwright.templates.data.GraphDataset;

/**
 * Reads a graph for node classification from two CSV files with header rows. The node table's first
 * column is the node id; its label column is {@code label_id}, else {@code label}, else the last column;
 * its other all-numeric columns are node features, and when it has none every node gets a one-hot
 * identity. The edge table's first two columns are the ids of the joined nodes; further columns such as
 * a weight are ignored, and edges count both ways (an undirected 0/1 adjacency). An edge table is told
 * from other CSV files by its header, {@code source,target}; its node table lies beside it, named as
 * the edge file with {@code edges} turned into {@code nodes} ({@code karate_edges.csv} ->
 * {@code karate_nodes.csv}).
 */
public final class GraphData {
    private static final String EDGES = "edges";
    private static final String NODES = "nodes";

    private GraphData() {
    }

    /** Whether the file is a CSV edge table: its header starts with {@code source,target}; false when unreadable. */
    public static boolean isEdgeList(Path file) {
        if (!Files.isRegularFile(file)) {
            // A device or a pipe may never end a line; whoever reads it for real refuses it.
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = CsvTable.readLine(in, file, 1);
            if (header == null) {
                return false;
            }
            String[] cells = CsvTable.split(header.replace("\uFEFF", ""));
            return cells.length >= 2 && cells[0].equalsIgnoreCase("source") && cells[1].equalsIgnoreCase("target");
        } catch (IOException | RuntimeException e) {
            // Not readable as text: whoever reads it for real reports why.
            return false;
        }
    }

    /** Reads an edge table and the node table beside it (see the class comment for the names). */
    public static GraphDataset read(Path edgeFile) {
        String name = edgeFile.getFileName().toString();
        int at = name.toLowerCase(java.util.Locale.ROOT).lastIndexOf(EDGES);
        if (at < 0) {
            throw new DataFileException(edgeFile + " is an edge list (source,target), so its node table must lie beside"
                    + " it; name them NAME_" + EDGES + ".csv and NAME_" + NODES + ".csv.");
        }
        Path nodeFile = edgeFile.resolveSibling(name.substring(0, at) + NODES + name.substring(at + EDGES.length()));
        if (!Files.isRegularFile(nodeFile)) {
            throw new DataFileException(edgeFile + " is an edge list (source,target), but its node table "
                    + nodeFile.getFileName() + " (node id, features, label) is not beside it.");
        }
        return read(edgeFile, nodeFile);
    }

    /** Reads an edge table and a node table named freely. */
    public static GraphDataset read(Path edgeFile, Path nodeFile) {
        CsvTable nodes = CsvTable.read(nodeFile);
        if (nodes.header().length < 2) {
            throw new DataFileException(nodeFile + " needs a node id column and a label column.");
        }
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
        int labelCol = LabelColumn.find(nodes.header());
        if (labelCol == 0) {
            throw new DataFileException(nodeFile + ": the first column is the node id, so it cannot be the label.");
        }
        List<Integer> featureCols = new ArrayList<>();
        for (int c = 1; c < nodes.header().length; c++) {
            if (c != labelCol && nodes.numeric(c)) {
                featureCols.add(c);
            }
        }
        int f = featureCols.isEmpty() ? n : featureCols.size();
        float[] features = featureCols.isEmpty() ? GraphDataset.identityFeatures(n) : new float[n * f];
        for (int r = 0; r < n && !featureCols.isEmpty(); r++) {
            for (int k = 0; k < f; k++) {
                features[r * f + k] = Float.parseFloat(nodes.rows().get(r)[featureCols.get(k)]);
            }
        }
        int[] labels = new int[n];
        int classes = LabelColumn.classIds(nodes.rows().stream().map(row -> row[labelCol]).toArray(String[]::new), labels);
        if (classes < 2) {
            throw new DataFileException(nodeFile + ": the label column '" + nodes.header()[labelCol] + "' has only one class.");
        }
        CsvTable edges = CsvTable.read(edgeFile);
        if (edges.header().length < 2) {
            throw new DataFileException(edgeFile + " needs two columns: the ids of the nodes an edge joins.");
        }
        float[] adjacency = new float[n * n];
        for (int r = 0; r < edges.rows().size(); r++) {
            Integer a = index.get(edges.rows().get(r)[0]);
            Integer b = index.get(edges.rows().get(r)[1]);
            if (a == null || b == null) {
                String missing = a == null ? edges.rows().get(r)[0] : edges.rows().get(r)[1];
                throw new DataFileException(edgeFile + " line " + (r + 2) + " names the node '" + missing
                        + "', which " + nodeFile.getFileName() + " does not list.");
            }
            adjacency[a * n + b] = 1;
            adjacency[b * n + a] = 1;
        }
        return new GraphDataset(n, features, f, adjacency, labels, classes);
    }
}
