package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    @Test
    void trialsStayInsideTheirRangesAndRepeatForTheSameSeed() {
        SweepPlan plan = SweepPlan.parse(List.of("lr=log:1e-4..1e-1", "batch_size=16,32,64", "dropout=0.1..0.5"));
        List<Map<String, Number>> trials = plan.trials(200, 7);
        assertEquals(trials, plan.trials(200, 7));
        int lowDecade = 0;
        for (Map<String, Number> t : trials) {
            double lr = t.get("lr").doubleValue();
            assertTrue(lr >= 1e-4 && lr <= 1e-1, t.toString());
            lowDecade += lr < 1e-3 ? 1 : 0;
            assertTrue(List.of(16L, 32L, 64L).contains(t.get("batch_size")), t.toString());
            double d = t.get("dropout").doubleValue();
            assertTrue(d >= 0.1 && d <= 0.5, t.toString());
        }
        // Log-uniform: each of the three decades gets about a third of the draws.
        assertTrue(lowDecade > 40 && lowDecade < 100, "draws below 1e-3: " + lowDecade);
    }

    @Test
    void badParametersAreRefusedSayingWhatIsWrong() {
        assertMessage("--param width2 is not a setting", "width2=1..2");
        assertMessage("a log range needs a low end above 0", "lr=log:0..1");
        assertMessage("the range's low end must be below its high end", "dropout=0.5..0.1");
        assertMessage("'x' is not a number", "batch_size=16,x");
        assertMessage("outside what batch_size allows", "batch_size=16.5,32");
        assertMessage("outside what dropout allows", "dropout=0.1..1.5");
        assertMessage("--param takes NAME=SPEC", "lr");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.parse(List.of("lr=0.1", "lr=0.2")));
        assertTrue(twice.getMessage().contains("given twice"));
    }

    @Test
    void accuraciesAndR2AreBetterHigher() {
        assertTrue(SweepPlan.higherIsBetter("val_accuracy"));
        assertTrue(SweepPlan.higherIsBetter("val_r2"));
        assertTrue(!SweepPlan.higherIsBetter("val_loss"));
    }

    private static void assertMessage(String part, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepParam.parse(spec));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
