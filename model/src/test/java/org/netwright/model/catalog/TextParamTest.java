package org.netwright.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextParamTest {
    private static final TextParam TARGET =
            (TextParam) LayerCatalog.standard().require("reshape").param("target").orElseThrow();

    @Test
    void parseDropsTheSpacesPeopleTypeAfterCommas() {
        assertEquals("4,-1,8", TARGET.parse(" 4, -1, 8 "));
    }

    @Test
    void textOfTheWrongFormIsRefusedWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TARGET.parse("4x8"));
        assertEquals("Target shape must look like -1; got 4x8.", e.getMessage());
        assertEquals(Optional.of("Target shape must look like -1; got 7."), TARGET.whyInvalid(7));
    }

    @Test
    void aNumberReadFromJsonBecomesItsText() {
        assertEquals("12", TARGET.coerce(12));
        assertEquals(Optional.empty(), TARGET.whyInvalid(TARGET.coerce(12)));
    }

    @Test
    void aDefaultThatBreaksItsOwnPatternIsACatalogBug() {
        assertThrows(IllegalArgumentException.class, () -> new TextParam("order", "Order", "a", "[0-9]+", "help"));
    }
}
