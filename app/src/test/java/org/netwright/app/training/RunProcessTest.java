package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs small shell scripts in place of the runner, to play each way a child can end. */
class RunProcessTest {
    private static final String STARTED = "echo '{\"type\":\"started\",\"run_id\":1,\"device\":\"cpu\",\"epochs\":2,\"steps_per_epoch\":3}'";
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aChildThatDiesWithoutAResultIsReportedAsACrashWithItsErrorLine() throws Exception {
        RunProcess run = RunProcess.start(sh(STARTED + "; echo 'Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space' >&2;"
                + " printf '\\tat org.example.Big.alloc(Big.java:1)\\n' >&2; exit 137"), events::add);

        RunEvent last = run.result().get(10, TimeUnit.SECONDS);

        assertEquals(new RunEvent.Crashed(137, "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"), last);
        assertInstanceOf(RunEvent.Started.class, events.get(0));
        assertEquals(2, events.size());
    }

    @Test
    void stopIsSentOnStdinAndTheRunsOwnEndIsReported() throws Exception {
        RunProcess run = RunProcess.start(sh(STARTED + "; read line; [ \"$line\" = stop ] && "
                + "echo '{\"type\":\"finished\",\"status\":\"stopped\",\"final\":{}}'"), events::add);
        waitForEvents(1);

        run.stop();

        assertEquals(new RunEvent.Finished("stopped", new org.netwright.model.run.FinalMetrics(Double.NaN, java.util.Map.of(), "last", "cpu", 0, 0)), run.result().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aChildThatIgnoresStopIsEndedAfterTheGraceTime() throws Exception {
        RunProcess run = RunProcess.start(sh(STARTED + "; read line; exec sleep 60"), events::add, Duration.ofMillis(300));
        waitForEvents(1);

        long t0 = System.nanoTime();
        run.stop();
        RunEvent last = run.result().get(10, TimeUnit.SECONDS);

        RunEvent.Crashed crash = assertInstanceOf(RunEvent.Crashed.class, last);
        assertTrue(crash.lastErrorLine().contains("did not stop"), crash.lastErrorLine());
        assertTrue((System.nanoTime() - t0) / 1e6 >= 300, "ended before the grace time");
        assertFalse(run.isAlive());
    }

    @Test
    void eventsAfterAFailureAreIgnoredSoTheFailureIsTheLastWord() throws Exception {
        RunProcess run = RunProcess.start(sh("echo '{\"type\":\"failed\",\"message\":\"No data file x.csv\"}'; " + STARTED),
                events::add);

        assertEquals(new RunEvent.Failed("No data file x.csv"), run.result().get(10, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertEquals(1, events.size());
    }

    private void waitForEvents(int n) throws InterruptedException {
        for (int i = 0; i < 200 && events.size() < n; i++) {
            Thread.sleep(25);
        }
        assertTrue(events.size() >= n, "no event from the child");
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }
}
