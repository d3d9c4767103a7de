package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
