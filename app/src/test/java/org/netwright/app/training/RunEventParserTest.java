package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunEventParserTest {

    @Test
    void readsEachEventType() {
        assertEquals(new RunEvent.Started(3, "cpu", 20, 19),
                parse("{\"type\":\"started\",\"run_id\":3,\"device\":\"cpu\",\"epochs\":20,\"steps_per_epoch\":19}"));
        assertEquals(new RunEvent.Step(7, 1, 0.5, 0.01, 1.25),
                parse("{\"type\":\"step\",\"step\":7,\"epoch\":1,\"train_loss\":0.5,\"lr\":0.01,\"seconds\":1.25}"));
        assertEquals(new RunEvent.Epoch(2, 0.4, 0.45, Map.of("val_accuracy", 0.875), 0.01, 3.0),
                parse("{\"type\":\"epoch\",\"epoch\":2,\"train_loss\":0.4,\"val_loss\":0.45,\"val_accuracy\":0.875,"
                        + "\"lr\":0.01,\"seconds\":3.0}"));
        assertEquals(new RunEvent.Finished("stopped", Map.of("test_accuracy", 0.9, "device", "cpu")),
                parse("{\"type\":\"finished\",\"status\":\"stopped\",\"final\":{\"test_accuracy\":0.9,\"device\":\"cpu\"}}"));
        assertEquals(new RunEvent.Failed("No such file: x.csv"),
                parse("{\"type\":\"failed\",\"message\":\"No such file: x.csv\"}"));
    }

    @Test
    void anEpochWithoutValidationHasNaNForItsMissingValues() {
        RunEvent.Epoch e = (RunEvent.Epoch) parse("{\"type\":\"epoch\",\"epoch\":1,\"train_loss\":0.4,\"lr\":0.01,\"seconds\":1}");
        assertTrue(Double.isNaN(e.valLoss()));
        assertTrue(Double.isNaN(e.valAccuracy()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WARNING: something a library printed", "{not json", "{\"type\":\"mystery\"}", "[1,2]"})
    void linesThatAreNotEventsAreSkipped(String line) {
        assertTrue(RunEventParser.parse(line).isEmpty());
    }

    private static RunEvent parse(String line) {
        return RunEventParser.parse(line).orElseThrow();
    }
}
