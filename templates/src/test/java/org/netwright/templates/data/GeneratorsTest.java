package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
