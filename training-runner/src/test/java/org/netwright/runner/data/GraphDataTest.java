package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;

class GraphDataTest {
    @TempDir
    Path dir;

    private Path triangle() throws IOException {
        Files.writeString(dir.resolve("tri_nodes.csv"), "id,size,label\na,1.5,x\nb,2,y\nc,3,x\n");
        return Files.writeString(dir.resolve("tri_edges.csv"), "Source,Target,weight\na,b,1\nb,c,1\n");
    }

    @Test
    void anEdgeTableIsToldByItsHeaderAndReadWithTheNodeTableBesideIt() throws IOException {
        Path edges = triangle();
        assertTrue(GraphData.isEdgeList(edges));
        assertFalse(GraphData.isEdgeList(dir.resolve("tri_nodes.csv")));
        assertFalse(GraphData.isEdgeList(dir.resolve("missing.csv")));
        GraphDataset g = GraphData.read(edges);
        assertEquals(3, g.nodes());
        assertEquals(1, g.featureCount());
        assertArrayEquals(new int[] {0, 1, 0}, g.labels());
        assertEquals(2, g.edgeCount());
    }

    @Test
    void dataSourcesRouteEdgeTablesToTheGraphReader() throws IOException {
        DataRecipe recipe = DataSources.recipeFor(triangle());
        assertTrue(DataSources.isGraph(recipe, dir));
        assertEquals(3, DataSources.loadGraph(recipe, dir, 1).nodes());
        var e = assertThrows(DataFileException.class, () -> DataSources.load(recipe, dir, 1));
        assertTrue(e.getMessage().contains("one graph, not samples"), e.getMessage());
    }

    @Test
    void anEdgeTableWhoseNameSaysNothingOfEdgesIsToldHowToNameIt() throws IOException {
        Path edges = Files.writeString(dir.resolve("links.csv"), "source,target\n0,1\n");
        var e = assertThrows(DataFileException.class, () -> GraphData.read(edges));
        assertTrue(e.getMessage().endsWith("name them NAME_edges.csv and NAME_nodes.csv."), e.getMessage());
    }

    private static void assertRefused(Runnable r, String fragment) {
        String m = assertThrows(DataFileException.class, r::run).getMessage();
        assertTrue(m.contains(fragment), m);
    }

    @Test
    void aSplitColumnPlacesTheNodesAndFeaturesAreStandardizedWithTheTrainingNodes() throws IOException {
        Files.writeString(dir.resolve("s_nodes.csv"), "id,size,label,split\na,1,x,train\nb,3,y,train\nc,10,x,test\n"
                + "d,2,y,val\n");
        Path edges = Files.writeString(dir.resolve("s_edges.csv"), "source,target\na,b\nc,d\n");
        NodeSplit s = GraphData.readSplit(edges, 0.5, 0.5, 1);
        assertArrayEquals(new int[] {0, 1}, s.train());
        assertArrayEquals(new int[] {3}, s.validation());
        assertArrayEquals(new int[] {2}, s.test());
        // Training nodes 1 and 3: mean 2, deviation 1; the test node's 10 becomes 8, not its own statistics' 0.
        assertArrayEquals(new float[] {-1, 1, 8, 0}, s.graph().features(), 1e-6f);
        assertArrayEquals(new double[] {2}, s.graph().featureTransform().offset());
        assertArrayEquals(new double[] {1}, s.graph().featureTransform().scale());
        Files.writeString(dir.resolve("s_nodes.csv"), "id,size,label,split\na,1,x,train\nb,3,y,tst\n");
        assertRefused(() -> GraphData.readSplit(edges, 0, 0, 1), "s_nodes.csv line 3: the split column"
                + " holds 'tst'; use train, val or test.");
    }

    @Test
    void identityFeaturesWhenTheNodeTableHasNone() throws IOException {
        Files.writeString(dir.resolve("i_nodes.csv"), "node,club\n0,a\n1,b\n2,a\n");
        Path edges = Files.writeString(dir.resolve("i_edges.csv"), "source,target\n0,1\n");
        GraphDataset g = GraphData.read(edges);
        assertEquals(3, g.featureCount());
        assertArrayEquals(GraphDataset.identityFeatures(3), g.features());
        assertEquals("identity", g.featureTransform().options().get(GraphData.MADE_FEATURES));
        assertArrayEquals(new int[] {0, 1, 0}, g.labels(), "the last column is the label when none is named so");
    }

    @Test
    void badGraphTablesAreRefusedNamingFileAndLine() throws IOException {
        Path edges = triangle();
        Files.writeString(edges, "source,target\na,b\nb,zz\n");
        assertRefused(() -> GraphData.read(edges), "tri_edges.csv line 3 names the node 'zz', which"
                + " tri_nodes.csv does not list.");
        Files.delete(dir.resolve("tri_nodes.csv"));
        Files.createDirectories(dir.resolve("tri_nodes.csv"));
        assertRefused(() -> GraphData.read(edges), "tri_nodes.csv is a folder; it should be the node"
                + " table");
        Files.writeString(dir.resolve("one_nodes.csv"), "id,label\na,x\nb,x\n");
        Path one = Files.writeString(dir.resolve("one_edges.csv"), "source,target\na,b\n");
        assertRefused(() -> GraphData.read(one), "has only one class");
    }

    @Test
    void manyGraphsWithAGraphTableAreReadForGraphClassification() throws IOException {
        StringBuilder nodes = new StringBuilder("graph_id,node,mass\n");
        StringBuilder edges = new StringBuilder("graph_id,source,target\n");
        StringBuilder graphs = new StringBuilder("graph_id,label\n");
        for (int g = 0; g < 10; g++) {
            int size = 3 + g % 3;
            for (int v = 0; v < size; v++) {
                nodes.append("g").append(g).append(',').append(v).append(',').append(g + v).append('\n');
                if (v > 0) {
                    edges.append("g").append(g).append(',').append(v - 1).append(',').append(v).append('\n');
                }
            }
            graphs.append("g").append(g).append(',').append(g % 2 == 0 ? "ring" : "chain").append('\n');
        }
        Files.writeString(dir.resolve("m_nodes.csv"), nodes);
        Files.writeString(dir.resolve("m_graphs.csv"), graphs);
        Path edgeFile = Files.writeString(dir.resolve("m_edges.csv"), edges);
        DataRecipe recipe = DataSources.recipeFor(edgeFile);
        assertTrue(DataSources.isGraphSet(recipe, dir));
        assertFalse(DataSources.isGraph(recipe, dir));
        GraphSet.Split s = GraphData.readSet(edgeFile, 0.2, 0.2, 1);
        assertEquals(10, s.set().size());
        assertEquals(5, s.set().maxNodes());
        assertEquals(1, s.set().featureCount());
        assertEquals(2, s.set().numClasses());
        assertEquals(6, s.train().length);
        // Masses are g + v; the transform is fitted on the training graphs' nodes and turns raw masses into features.
        var t = s.set().featureTransform();
        assertEquals("mass", t.options().get("columns"));
        int g0 = s.train()[0];
        float[] raw = new float[s.set().graph(g0).nodes()];
        for (int v = 0; v < raw.length; v++) {
            raw[v] = g0 + v;
        }
        t.apply(raw);
        assertArrayEquals(raw, s.set().graph(g0).features(), 0f);
        DataSummary d = DataSources.describe(new org.netwright.model.settings.TrainingSettings(1, 1, 0.01, "adam",
                "auto", 1, 0.2, 0.2, recipe), dir);
        assertEquals("graphs", d.kind(), "a graph set is no table");
        assertEquals(java.util.List.of("chain", "ring"), d.classes());
        assertEquals(java.util.List.of(5, 5), d.classCounts());
        assertTrue(d.notices().get(0).startsWith("10 graphs of 3 to 5 nodes"), d.notices().toString());
        Files.writeString(edgeFile, edges + "g4,0,9\n");
        assertRefused(() -> GraphData.readSet(edgeFile, 0.2, 0.2, 1), "m_edges.csv line " + (edges.toString()
                .split("\n").length + 1) + " names the node '9', which m_nodes.csv does not list.");
    }
}
