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

    @Test
    void cancellingTheJobEndsItsChildProcess() throws Exception {
        // A marker argument finds this test's child among the JVM's descendants.
        String marker = "987.25";
        java.util.concurrent.CompletableFuture<CliJob.Outcome> job = CliJob.run(List.of("sleep", marker));
        java.util.function.Supplier<Long> alive = () -> ProcessHandle.current().descendants()
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .filter(ProcessHandle::isAlive).count();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alive.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1L, alive.get(), "the child started");
        assertTrue(job.cancel(true));
        deadline = System.nanoTime() + 10_000_000_000L;
        while (alive.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0L, alive.get(), "the child was ended");
        assertTrue(job.isCancelled());
    }
}
