package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunEventJsonTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 0.6931471805599453, 0.001, 0.0123", "123456, 40, 1.0E-7, 3.0E-4, 1234.5", "7, 2, 12.0, 0.5, 0.0"})
    void aStepLineIsTheJsonTreesText(long step, int epoch, double loss, double lr, double seconds) {
        RunEvent.Step e = new RunEvent.Step(step, epoch, loss, lr, seconds);
        assertEquals(RunEventJson.toJson(e).toString(), RunEventJson.line(e));
    }

    @Test
    void anEpochLineCarriesTheTasksMetricsAndTheEpochsOwnSeconds() {
        RunEvent.Epoch e = new RunEvent.Epoch(3, 0.5, 0.4, Map.of("val_r2", 0.9), 0.01, 12.5, 4.0);
        assertEquals("{\"type\":\"epoch\",\"epoch\":3,\"train_loss\":0.5,\"val_loss\":0.4,\"val_r2\":0.9,\"lr\":0.01,"
                + "\"seconds\":12.5,\"epoch_seconds\":4.0}", RunEventJson.line(e));
    }
}
