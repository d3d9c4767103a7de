package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run line names where each number was measured, so a GAN's two D losses are not read as one repeated. */
class MetricWordsTest {
    @Test
    void aGansValidationAndTrainingLossesAreToldApart() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("val_d_loss", 1.64);
        m.put("val_g_loss", 3.11);
        m.put("val_swd", 3.23);
        m.put("d_loss", 1.58);
        m.put("g_loss", 2.52);
        assertEquals("Validation D loss 1.64 · G loss 3.11 · sample distance 3.23 · training D loss 1.58 · G loss 2.52",
                MetricWords.epoch(m));
    }

    @Test
    void aClassifierReadsAsBefore() {
        assertEquals("Validation accuracy 95.0\u00a0%", MetricWords.epoch(Map.of("val_accuracy", 0.95, "val_loss", 0.2,
                "loss", 0.1)));
        assertEquals(" Test accuracy 97.5\u00a0%.", MetricWords.test(Map.of("test_accuracy", 0.975)));
    }
}
