package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    @Test
    void aLayerWithATinyShareOfTheLargestGradientVanishes() {
        Map<String, Double> norms = new LinkedHashMap<>();
        norms.put("dense_1", 1e-9);
        norms.put("dense_2", 1e-3);
        norms.put("dense_3", 0.5);
        List<RunWarning> w = HealthRules.gradients(norms, Map.of());
        assertEquals(1, w.size());
        assertEquals(RunWarning.VANISHING_GRADIENTS, w.get(0).kind());
        assertEquals("dense_1", w.get(0).node());
        assertTrue(w.get(0).message().contains("dense_3"), w.get(0).message());
    }

    @Test
    void healthyGradientsRaiseNothing() {
        assertTrue(HealthRules.gradients(Map.of("a", 0.1, "b", 0.8, "c", 2.0), Map.of("a", 0.2)).isEmpty());
        assertTrue(HealthRules.gradients(Map.of(), Map.of()).isEmpty());
    }

    @Test
    void hugeOrFastGrowingGradientsExplode() {
        List<RunWarning> big = HealthRules.gradients(Map.of("conv", 5e3), Map.of());
        assertEquals(List.of(RunWarning.EXPLODING_GRADIENTS), big.stream().map(RunWarning::kind).toList());
        List<RunWarning> grew = HealthRules.gradients(Map.of("conv", 50.0), Map.of("conv", 0.01));
        assertEquals("conv", grew.get(0).node());
        assertEquals(RunWarning.EXPLODING_GRADIENTS, grew.get(0).kind());
    }

    @Test
    void aMostlyZeroReluLayerIsDead() {
        List<RunWarning> w = HealthRules.deadRelu(Map.of("relu_1", 0.5, "relu_2", 0.97));
        assertEquals(1, w.size());
        assertEquals("relu_2", w.get(0).node());
        assertEquals(RunWarning.DEAD_RELU, w.get(0).kind());
    }

    @Test
    void overfittingIsRisingValidationWhileTrainingFalls() {
        assertTrue(HealthRules.overfitting(List.of(1.0, 0.8, 0.6, 0.5), List.of(1.0, 0.7, 0.75, 0.8)).isPresent());
        // Both falling, or validation rising only once, or training rising too: not overfitting.
        assertTrue(HealthRules.overfitting(List.of(1.0, 0.8, 0.6), List.of(1.0, 0.9, 0.8)).isEmpty());
        assertTrue(HealthRules.overfitting(List.of(1.0, 0.8, 0.6), List.of(1.0, 0.9, 0.95)).isEmpty());
        assertTrue(HealthRules.overfitting(List.of(0.5, 0.6, 0.7), List.of(0.5, 0.6, 0.7)).isEmpty());
        assertTrue(HealthRules.overfitting(List.of(1.0, 0.8, 0.6), Arrays.asList(null, 0.9, 1.0)).isEmpty());
        assertTrue(HealthRules.overfitting(List.of(1.0, 0.8), List.of(0.5, 0.6)).isEmpty());
    }
}
