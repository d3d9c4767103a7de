package org.netwright.app.dataimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small set of labelled graphs as the three CSV tables a user would give: {@code shapes_edges.csv}
 * (graph_id,source,target), {@code shapes_nodes.csv} (graph_id,node, two features) and {@code shapes_graphs.csv}
 * (graph_id,label). Rings, stars and chains of 4 to 7 nodes, ten of each; the largest graph has 7 nodes.
 */
public final class GraphSetFiles {
    /** Graphs written, per class. */
    public static final int PER_CLASS = 10;
    public static final int LARGEST = 7;

    private GraphSetFiles() {
    }

    /** Writes the tables into {@code dir} and returns the edge table. */
    public static Path write(Path dir) throws IOException {
        StringBuilder edges = new StringBuilder("graph_id,source,target\n");
        StringBuilder nodes = new StringBuilder("graph_id,node,mass,charge\n");
        StringBuilder graphs = new StringBuilder("graph_id,label\n");
        String[] kinds = {"ring", "star", "chain"};
        int id = 0;
        for (int i = 0; i < PER_CLASS; i++) {
            for (String kind : kinds) {
                String g = "g" + id++;
                int n = 4 + (i % (LARGEST - 3));
                for (int v = 0; v < n; v++) {
                    nodes.append(g).append(',').append(v).append(',').append(1 + v % 3).append(',')
                            .append(v % 2 == 0 ? "0.5" : "-0.5").append('\n');
                }
                for (int v = 1; v < n; v++) {
                    int from = kind.equals("star") ? 0 : v - 1;
                    edges.append(g).append(',').append(from).append(',').append(v).append('\n');
                }
                if (kind.equals("ring")) {
                    edges.append(g).append(',').append(n - 1).append(",0\n");
                }
                graphs.append(g).append(',').append(kind).append('\n');
            }
        }
        Files.writeString(dir.resolve("shapes_nodes.csv"), nodes);
        Files.writeString(dir.resolve("shapes_graphs.csv"), graphs);
        return Files.writeString(dir.resolve("shapes_edges.csv"), edges);
    }
}
