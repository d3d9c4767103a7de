package org.netwright.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliJobTest {
    @Test
    void theLastJsonLineAndTheLastErrorSentenceAreKept() {
        assertEquals(7, CliJob.lastJson(List.of("{\"a\":1}", "working...", "{\"a\":7}", "")).orElseThrow()
                .path("a").asInt());
        assertTrue(CliJob.lastJson(List.of("no json", "{broken")).isEmpty());
        assertEquals("there is no file x.onnx", CliJob.lastError(List.of("Picked up JAVA_TOOL_OPTIONS: -Dx=1",
                "netwright: there is no file x.onnx", "\tat some.Frame(Frame.java:1)", "")));
    }

    @Test
    void theRealCliAnswersInAChildProcess() {
        CliJob.Outcome summary = CliJob.start(List.of("summary", "--template", "two-moons-mlp", "--json")).join();
        assertEquals(0, summary.exitCode(), summary.error());
        assertTrue(summary.json().orElseThrow().toString().contains("dense"), summary.json().toString());

        CliJob.Outcome refused = CliJob.start(List.of("frobnicate")).join();
        assertEquals(2, refused.exitCode());
        assertTrue(refused.error().startsWith("unknown command 'frobnicate'"), refused.error());
    }
}
