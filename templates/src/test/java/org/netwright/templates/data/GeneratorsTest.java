package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;

class GeneratorsTest {

    @Test
    void readsTheRecipeOptions() {
        Dataset d = Generators.generate(DataRecipe.generator("shapes", Map.of("samples", 30, "size", 12)), 1);
        assertEquals(30, d.size());
        assertEquals(144, d.sampleSize());
    }

    @Test
    void unknownGeneratorIsNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Generators.generate(DataRecipe.generator("spirals", Map.of()), 1));
        assertTrue(e.getMessage().contains("spirals"));
    }

    @Test
    void communitiesMakesOneGraphFromItsOptions() {
        DataRecipe recipe = DataRecipe.generator("communities", Map.of("nodes", 30, "communities", 3, "p_in", 0.5,
                "p_out", 0.0));
        assertTrue(Generators.makesGraph(recipe));
        assertFalse(Generators.makesGraph(DataRecipe.generator("two_moons", Map.of())));
        GraphDataset g = Generators.generateGraph(recipe, 1);
        assertEquals(30, g.nodes());
        assertEquals(3, g.numClasses());
        var e = assertThrows(IllegalArgumentException.class, () -> Generators.generate(recipe, 1));
        assertTrue(e.getMessage().contains("makes one graph"), e.getMessage());
    }

    @Test
    void communitiesWithFeatureNoiseGiveANoisyHintOfTheCommunity() {
        DataRecipe recipe = DataRecipe.generator("communities", Map.of("nodes", 60, "communities", 3, "p_in", 0.2,
                "p_out", 0.02, "feature_noise", 0.5));
        GraphDataset noisy = Generators.generateGraph(recipe, 4);
        assertEquals(3, noisy.featureCount());
        // Same seed, same edges as the identity-feature graph.
        GraphDataset plain = Generators.generateGraph(DataRecipe.generator("communities", Map.of("nodes", 60,
                "communities", 3, "p_in", 0.2, "p_out", 0.02)), 4);
        assertArrayEquals(plain.adjacency(), noisy.adjacency());
        double own = 0;
        double other = 0;
        for (int i = 0; i < 60; i++) {
            for (int c = 0; c < 3; c++) {
                if (c == noisy.labels()[i]) {
                    own += noisy.features()[i * 3 + c];
                } else {
                    other += noisy.features()[i * 3 + c];
                }
            }
        }
        assertTrue(own / 60 > 0.7 && Math.abs(other / 120) < 0.2, own / 60 + " vs " + other / 120);
    }

    @Test
    void ringsAndTreesMakeTwoClassesOfSmallGraphs() {
        DataRecipe recipe = DataRecipe.generator("rings_and_trees", Map.of("graphs", 60, "min_nodes", 8, "max_nodes", 12));
        assertTrue(Generators.makesGraphSet(recipe));
        assertFalse(Generators.makesGraph(recipe));
        assertTrue(Generators.NAMES.contains("rings_and_trees"));
        GraphSet set = Generators.generateGraphSet(recipe, 2);
        assertEquals(60, set.size());
        assertEquals(2, set.numClasses());
        assertTrue(set.maxNodes() <= 12);
        int[] perClass = new int[2];
        for (int g = 0; g < set.size(); g++) {
            GraphSet.Item item = set.graph(g);
            assertTrue(item.nodes() >= 8 && item.nodes() <= 12);
            int n = item.nodes();
            int edges = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(0f, item.adjacency()[i * n + i], "no self loops");
                for (int j = i + 1; j < n; j++) {
                    assertEquals(item.adjacency()[i * n + j], item.adjacency()[j * n + i], "symmetric");
                    edges += item.adjacency()[i * n + j] > 0 ? 1 : 0;
                }
            }
            // A tree has n - 1 edges; a ring n, plus its chords.
            if (set.label(g) == 1) {
                assertEquals(n - 1, edges);
            } else {
                assertTrue(edges >= n, edges + " edges in a ring of " + n);
            }
            perClass[set.label(g)]++;
        }
        assertTrue(perClass[0] > 15 && perClass[1] > 15, java.util.Arrays.toString(perClass));
        GraphSet.Split split = set.split(0.2, 0.2, 1);
        assertEquals(60, split.train().length + split.validation().length + split.test().length);
        assertEquals(12, split.test().length);
        var e = assertThrows(IllegalArgumentException.class, () -> Generators.generate(recipe, 1));
        assertTrue(e.getMessage().contains("many small graphs"), e.getMessage());
    }

    @Test
    void everySizedImageGeneratorDrawsOneChannelSquaresOfItsSize() {
        for (String name : Generators.SIZED_IMAGE_NAMES) {
            assertTrue(Generators.NAMES.contains(name), name);
            // Their images whether they come as features with a class label or as named fields (noisy and clean).
            Samples s = Generators.generateSamples(DataRecipe.generator(name, Map.of("samples", 8, "size", 20)), 1);
            List<org.netwright.model.shape.Shape> images = s.fields().stream()
                    .filter(f -> f.shape().rank() == 3).map(f -> f.shape()).toList();
            assertTrue(!images.isEmpty(), name + " makes images");
            images.forEach(i -> assertEquals(org.netwright.model.shape.Shape.of(1, 20, 20), i, name));
        }
    }
}
