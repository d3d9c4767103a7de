package org.netwright.editor.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.catalog.LayerCatalog;

class PaletteFilterTest {
    private static List<String> hits(String query) {
        return List.copyOf(PaletteFilter.hits(LayerCatalog.standard().all(), query));
    }

    /** The catalog grows; each row names one layer that must match and one that must not. */
    @ParameterizedTest(name = "''{0}'' finds {1}, not {2}")
    @CsvSource(delimiter = '|', value = {
            "conv      | conv2d     | dense",
            "MAXPOOL   | max_pool2d | conv2d",
            "max pool  | max_pool2d | conv2d",
            "Max-Pool 2d | max_pool2d | global_max_pool",
            "probabil  | softmax    | relu",
            "residual  | add        | concatenate",
            "Vector in | vector_input | image_input"
    })
    void matchesNameIdOrElseExplanationInAnyCase(String query, String found, String notFound) {
        List<String> hits = hits(query);
        assertTrue(hits.contains(found), hits.toString());
        assertFalse(hits.contains(notFound), hits.toString());
    }

    @Test
    void convFindsTheConvolutionsButNotLayersWhoseHelpMentionsThem() {
        List<String> hits = hits("conv");
        assertTrue(hits.contains("conv2d"), hits.toString());
        for (String id : List.of("flatten", "prelu", "silu")) {
            assertFalse(hits.contains(id), hits.toString());
        }
    }

    @Test
    void nonsenseMatchesNothing() {
        assertEquals(List.of(), hits("zzqx"));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void blankQueryMatchesEverything(String query) {
        assertEquals(LayerCatalog.standard().all().size(), hits(query).size());
    }
}
