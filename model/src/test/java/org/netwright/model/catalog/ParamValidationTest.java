package org.netwright.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.ShapeInference;

class ParamValidationTest {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private static ParamSpec param(String layer, String name) {
        return CATALOG.require(layer).param(name).orElseThrow();
    }

    @Test
    void anOutOfRangeValueIsRefusedWithTheAllowedRange() {
        assertEquals(Optional.of("Units must be between 1 and 1000000; got 0."), param("dense", "units").whyInvalid(0));
        assertEquals(Optional.empty(), param("dense", "units").whyInvalid(1));
        assertEquals(Optional.of("Rate p must be between 0.0 and 0.99; got 1.5."), param("dropout", "rate").whyInvalid(1.5));
    }

    @Test
    void aWordNotInTheChoicesIsRefusedListingTheChoices() {
        assertEquals(Optional.of("Padding must be one of valid, same, explicit; got full."),
                param("conv2d", "padding").whyInvalid("full"));
    }

    @Test
    void parseRefusesTextThatIsNotANumberAndValuesOutOfRange() {
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> param("conv2d", "kernel").parse("three"));
        assertEquals("Kernel must be a whole number; 'three' is not.", notNumber.getMessage());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> param("conv2d", "kernel").parse("65"));
        assertEquals("Kernel must be between 1 and 64; got 65.", tooBig.getMessage());
        assertEquals(1_024, param("dense", "units").parse("1,024"));
    }

    @Test
    void resolveFillsDefaultsInSpecOrder() {
        LayerParams p = CATALOG.require("conv2d").resolve(Map.of("filters", 8));
        assertEquals(List.of("filters", "kernel", "stride", "padding", "pad", "dilation", "bias", "groups"), List.copyOf(p.values().keySet()));
        assertEquals(8, p.getInt("filters"));
        assertEquals("same", p.getString("padding"));
    }

    @Test
    void wholeNumbersReadBackAsDecimalsOrTextAreCoercedToInt() {
        IntParam units = (IntParam) param("dense", "units");
        assertEquals(3, units.coerce(3.0));
        assertEquals(3, units.coerce("3"));
        assertEquals(3, units.coerce(3L));
        assertEquals(3.5, units.coerce(3.5));
    }

    @Test
    void aWholeNumberBeyondIntIsNotWrappedIntoARangeThatPasses() {
        IntParam units = (IntParam) param("dense", "units");
        Object coerced = units.coerce(4_294_967_297L); // intValue() would be 1
        assertEquals(4_294_967_297L, coerced);
        assertEquals(Optional.of("Units must be between 1 and 1000000; got 4294967297."), units.whyInvalid(coerced));
    }

    @Test
    void boolCoercionAcceptsTheWordsParseAcceptsAndKeepsAnythingElseInvalid() {
        BoolParam bias = (BoolParam) param("dense", "bias");
        assertEquals(true, bias.coerce("yes"));
        assertEquals(false, bias.coerce("off"));
        assertEquals(true, bias.coerce("TRUE"));
        assertEquals("maybe", bias.coerce("maybe"));
        assertEquals(Optional.of("Bias must be true or false."), bias.whyInvalid(bias.coerce("maybe")));
    }

    @Test
    void problemsListEveryBadParameter() {
        List<String> problems = CATALOG.require("conv2d").problems(Map.of("filters", 0, "padding", "full"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Filters"), problems.toString());
        assertTrue(problems.get(1).startsWith("Padding"), problems.toString());
    }

    @Test
    void shapeInferenceReportsABadParameterOnItsNode() {
        Graph g = SampleGraphs.mlp();
        g = g.withNode(g.require("hidden").withParam("units", -4));
        String problem = ShapeInference.infer(g).report("hidden").problem().orElseThrow();
        assertEquals("hidden (Dense): Units must be between 1 and 1000000; got -4.", problem);
        assertTrue(ShapeInference.infer(g).report("out").blocked());
        assertTrue(g.edges().contains(Edge.of("input", "out", "hidden", "in")));
    }

    @Test
    void everyDefaultIsValid() {
        for (LayerSpec spec : CATALOG.all()) {
            assertEquals(List.of(), spec.problems(Map.of()), spec.id());
        }
    }
}
