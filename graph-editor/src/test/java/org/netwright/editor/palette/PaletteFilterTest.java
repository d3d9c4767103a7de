package org.netwright.editor.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;

class PaletteFilterTest {
    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', value = {
            "conv      | flatten,conv2d",
            "MAXPOOL   | max_pool2d",
            "probabil  | dropout,softmax",
            "residual  | add",
            "zzz       | ''"
    })
    void matchesNameIdOrExplanation(String query, String expected) {
        List<String> hits = LayerCatalog.standard().all().stream()
                .filter(s -> PaletteFilter.matches(s, query)).map(LayerSpec::id).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), hits);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void blankQueryMatchesEverything(String query) {
        assertEquals(LayerCatalog.standard().all().size(),
                LayerCatalog.standard().all().stream().filter(s -> PaletteFilter.matches(s, query)).count());
    }
}
