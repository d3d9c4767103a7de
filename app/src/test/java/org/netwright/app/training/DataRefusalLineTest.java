package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataMismatch;

/** The Data row's refusal says what to change once: the reason's own advice, or the general one when it has none. */
class DataRefusalLineTest {
    private static final DataRecipe MOONS = DataRecipe.generator("two_moons", Map.of());
    private static final DataRecipe RINGS = DataRecipe.generator("ring_gaussians", Map.of());

    @Test
    void aReasonThatSaysWhatToChangeIsNotFollowedByTheGeneralAdvice() {
        String why = DataMismatch.samplesVsInput(Shape.of(2), "input", Shape.of(8));
        String line = DataViewModel.notChosen(RINGS, MOONS, why);
        assertEquals("Not switched to " + DataCheck.name(RINGS) + ": " + why + " Runs still use "
                + DataCheck.name(MOONS) + ".", line);
    }

    @Test
    void aReasonWithoutAdviceGetsTheGeneralOne() {
        String line = DataViewModel.notChosen(RINGS, MOONS, "The graphs fall into 2 classes.");
        assertEquals("Not switched to " + DataCheck.name(RINGS) + ": The graphs fall into 2 classes. Runs still use "
                + DataCheck.name(MOONS) + "; change the network to fit, then choose it again.", line);
    }
}
