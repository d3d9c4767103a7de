package org.netwright.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** The plain DJL twins are the templates' models: same trainable parameter count, and they take finite steps. */
class PlainModelsTest {

    @ParameterizedTest
    @EnumSource(Family.class)
    void twinHasTheTemplatesParametersAndSteps(Family family) {
        Template t = TemplateLibrary.find(family.template()).orElseThrow();
        long expected = ShapeInference.infer(t.graph()).totalParams();
        try (PlainStep p = PlainModels.create(family, t, 8, 1)) {
            long count = count(p.trainer.getModel().getBlock().getParameters().stream().map(Pair::getValue).toList());
            if (p instanceof PlainGan gan) {
                count += gan.discriminatorParameters();
            }
            assertEquals(expected, count, family + ": parameters of the plain DJL twin");
            float first = p.step();
            float second = p.step();
            assertTrue(Float.isFinite(first) && Float.isFinite(second), family + ": " + first + ", " + second);
        }
    }

    @Test
    void familiesParseByNameOrAll() {
        assertEquals(List.of(Family.GCN), Family.parse("gcn"));
        assertEquals(6, Family.parse("all").size());
        assertThrows(IllegalArgumentException.class, () -> Family.parse("rnn"));
    }

    static long count(List<Parameter> params) {
        return params.stream().filter(Parameter::requiresGradient).mapToLong(p -> p.getArray().size()).sum();
    }
}
