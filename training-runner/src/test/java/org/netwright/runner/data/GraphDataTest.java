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
}
