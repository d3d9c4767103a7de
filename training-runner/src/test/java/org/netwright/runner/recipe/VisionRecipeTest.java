package org.netwright.runner.recipe;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The residual vision template, in its defaults, tells shapes apart for seeds 1 to 5. */
@Tag("training")
class VisionRecipeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void resnetMiniTellsShapesApart(long seed) {
        SequenceRecipeTest.assertMark("resnet-mini", seed, "test_accuracy", 0.9);
    }
}
