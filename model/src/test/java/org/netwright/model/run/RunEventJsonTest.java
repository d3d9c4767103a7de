package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunEventJsonTest {

    /** One of every event type, with every optional part filled and left out. */
    static List<RunEvent> everyType() {
        Map<String, Double> norms = new LinkedHashMap<>();
        norms.put("dense_1", 1.5e-9);
        norms.put("dense_2", 0.25);
        return List.of(
                new RunEvent.Started(3, "cpu", 20, 19),
                new RunEvent.Started(0, "gpu(0)", 1, 1),
                new RunEvent.Started(4, "cpu", 2, 3, "Training on the CPU: this is the GPU build, but the engine sees no GPU here."),
                new RunEvent.Step(7, 1, 0.5, 0.01, 1.25),
                new RunEvent.Step(8, 2, 0.4, 0.001, 1.5, 42.5, 12.0),
                new RunEvent.Step(9, 2, Double.NaN, 0.001, 1.75),
                new RunEvent.Epoch(2, 0.4, 0.45, Map.of("val_accuracy", 0.875), 0.01, 3.0, 1.5),
                new RunEvent.Epoch(1, 0.4, null, Map.of(), 0.01, 3.0, 3.0),
                new RunEvent.Epoch(5, 0.3, 0.6, Map.of("val_r2", 0.9, "kl", 0.1), 0.01, 9.0, 2.0, norms,
                        Map.of("relu_1", 0.95), List.of(
                                new RunWarning(RunWarning.VANISHING_GRADIENTS, "dense_1", "Vanishing: dense_1."),
                                new RunWarning(RunWarning.OVERFITTING, null, "Overfitting."))),
                new RunEvent.Epoch(6, 0.3, 0.5, Map.of(), 0.01, 11.0, 2.0, norms, Map.of("relu_1", 0.5), List.of())
                        .withActivations(activations()),
                new RunEvent.Samples(4, 1, 2, new int[] {2}, new float[] {0.25f, -1.5f, 3f, 0.0625f}),
                new RunEvent.Finished("completed", new FinalMetrics(0.2, Map.of("val_loss", 0.3, "test_accuracy", 0.9),
                        "best epoch 4", "cpu", 5, 100)),
                new RunEvent.Finished("stopped", new FinalMetrics(Double.NaN, Map.of(), "last", "cpu", 0, 3)),
                new RunEvent.Failed("No such file: x.csv"),
                new RunEvent.Failed("The output of dense_1 was not finite.", "dense_1"),
                new RunEvent.Crashed(137, "java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void everyEventTypeReadsBackEqual() {
        for (RunEvent e : everyType()) {
            String line = RunEventJson.line(e);
            assertEquals(e, RunEventJson.parse(line).orElseThrow(), line);
            assertTrue(!line.contains("\n"), "one line: " + line);
        }
    }

    @Test
    void everyPermittedTypeIsCovered() {
        long kinds = everyType().stream().map(Object::getClass).distinct().count();
        assertEquals(RunEvent.class.getPermittedSubclasses().length, kinds);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 0.6931471805599453, 0.001, 0.0123", "123456, 40, 1.0E-7, 3.0E-4, 1234.5", "7, 2, 12.0, 0.5, 0.0"})
    void aStepLineIsTheJsonTreesText(long step, int epoch, double loss, double lr, double seconds) {
        RunEvent.Step e = new RunEvent.Step(step, epoch, loss, lr, seconds);
        assertEquals(RunEventJson.toJson(e).toString(), RunEventJson.line(e));
        RunEvent.Step timed = new RunEvent.Step(step, epoch, loss, lr, seconds, 31.5, 80.25);
        assertEquals(RunEventJson.toJson(timed).toString(), RunEventJson.line(timed));
    }

    @Test
    void anEpochLineCarriesMetricsGradNormsAndWarnings() {
        RunEvent.Epoch e = new RunEvent.Epoch(3, 0.5, 0.4, Map.of("val_r2", 0.9), 0.01, 12.5, 4.0,
                Map.of("dense_1", 0.5), Map.of(), List.of(new RunWarning("overfitting", null, "Rising.")));
        assertEquals("{\"type\":\"epoch\",\"epoch\":3,\"train_loss\":0.5,\"val_loss\":0.4,\"val_r2\":0.9,\"lr\":0.01,"
                + "\"seconds\":12.5,\"epoch_seconds\":4.0,\"grad_norms\":{\"dense_1\":0.5},\"warnings\":[{\"kind\":"
                + "\"overfitting\",\"node\":null,\"message\":\"Rising.\"}]}", RunEventJson.line(e));
    }

    /** Three layers' statistics in the order the network runs, one with a std not measured. */
    private static Map<String, ActivationStats> activations() {
        Map<String, ActivationStats> out = new LinkedHashMap<>();
        out.put("dense_1", new ActivationStats(0.125, 1.5, 0.0));
        out.put("relu_1", new ActivationStats(0.25, 0.5, 0.5));
        out.put("out", new ActivationStats(-2.0, Double.NaN, 0.0));
        return out;
    }

    @Test
    void anEpochLineCarriesEachLayersActivationStatisticsInOrder() {
        RunEvent.Epoch e = new RunEvent.Epoch(3, 0.5, null, Map.of(), 0.01, 12.5, 4.0).withActivations(activations());
        String line = RunEventJson.line(e);
        assertTrue(line.contains("\"activations\":{\"dense_1\":{\"mean\":0.125,\"std\":1.5,\"zeros\":0.0},"
                + "\"relu_1\":{\"mean\":0.25,\"std\":0.5,\"zeros\":0.5},\"out\":{\"mean\":-2.0,\"zeros\":0.0}}"), line);
        RunEvent.Epoch back = (RunEvent.Epoch) RunEventJson.parse(line).orElseThrow();
        assertEquals(List.of("dense_1", "relu_1", "out"), List.copyOf(back.activations().keySet()));
        assertTrue(Double.isNaN(back.activations().get("out").std()));
        assertTrue(back.metrics().isEmpty(), "activations are not read as metrics: " + back.metrics());
        // withHealth keeps the statistics, so the runner may add health after them.
        assertEquals(e.activations(), e.withHealth(Map.of(), Map.of(), List.of()).activations());
    }

    @Test
    void anEpochWithoutValidationHasNoValidationValues() {
        RunEvent.Epoch e = (RunEvent.Epoch) RunEventJson.parse(
                "{\"type\":\"epoch\",\"epoch\":1,\"train_loss\":0.4,\"lr\":0.01,\"seconds\":1}").orElseThrow();
        assertNull(e.valLoss());
        assertNull(e.valAccuracy());
        assertTrue(e.gradNorms().isEmpty());
        assertTrue(e.warnings().isEmpty());
        assertTrue(e.activations().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WARNING: something a library printed", "{not json", "{\"type\":\"mystery\"}", "[1,2]",
            "{\"type\":\"samples\",\"epoch\":1,\"rows\":1,\"cols\":1,\"sample_shape\":[2],\"values\":[1]}"})
    void linesThatAreNotEventsAreSkipped(String line) {
        assertTrue(RunEventJson.parse(line).isEmpty());
    }
}
