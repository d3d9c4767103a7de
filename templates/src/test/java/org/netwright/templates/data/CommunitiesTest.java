package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommunitiesTest {
    @Test
    void sameSeedGivesTheSameGraph() {
        GraphDataset a = Communities.generate(40, 2, 0.3, 0.02, 7);
        GraphDataset b = Communities.generate(40, 2, 0.3, 0.02, 7);
        assertArrayEquals(a.adjacency(), b.adjacency());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void adjacencyIsSymmetricZeroOneWithoutSelfLoops() {
        GraphDataset g = Communities.generate(30, 3, 0.5, 0.1, 1);
        int n = g.nodes();
        for (int i = 0; i < n; i++) {
            assertEquals(0f, g.adjacency()[i * n + i]);
            for (int j = 0; j < n; j++) {
                float v = g.adjacency()[i * n + j];
                assertTrue(v == 0f || v == 1f);
                assertEquals(v, g.adjacency()[j * n + i]);
            }
        }
    }

    @Test
    void edgesMostlyStayInsideCommunities() {
        GraphDataset g = Communities.generate(60, 3, 0.4, 0.02, 3);
        int n = g.nodes();
        int inside = 0;
        int across = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (g.adjacency()[i * n + j] != 0) {
                    if (g.labels()[i] == g.labels()[j]) {
                        inside++;
                    } else {
                        across++;
                    }
                }
            }
        }
        // Expected about 0.4·570 = 228 inside and 0.02·1200 = 24 across.
        assertTrue(inside > 150 && across < 60, inside + " inside, " + across + " across");
        assertEquals(inside + across, g.edgeCount());
        assertEquals(3, g.numClasses());
        assertEquals(20, java.util.Arrays.stream(g.labels()).filter(l -> l == 2).count());
    }
}
