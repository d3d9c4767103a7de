package org.netwright.runner.cli;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsPercentEpochLossAndEtaInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.on(new RunEvent.Started(0, "cpu", 2, 10));
        bar.on(new RunEvent.Step(5, 1, 0.75, 0.01, 10.0));
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        // 5 of 20 steps in 10 s: 25 %, and 15 more steps at 2 s each leave 30 s.
        assertTrue(drawn.startsWith("\r[########......................]  25%  epoch 1/2  loss 0.7500  ETA 0:30"), drawn);
    }
}
