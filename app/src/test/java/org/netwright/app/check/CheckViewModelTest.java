package org.netwright.app.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.netwright.app.exchange.CliJob;

/** The checks' view model over a scripted CLI: what it asks for, how it reads the answers, and "Use this rate". */
class CheckViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<List<String>> asked = new ArrayList<>();
    private final List<String> rates = new ArrayList<>();
    private int saved;

    private CheckViewModel model(CheckViewModel.Kind kind, CliJob.Outcome answer, Optional<String> refusal) {
        return new CheckViewModel(kind, () -> Path.of("p.nwproj"), () -> saved++, args -> {
            asked.add(args);
            return CompletableFuture.completedFuture(answer);
        }, Runnable::run, text -> {
            rates.add(text);
            return refusal;
        });
    }

    private static CliJob.Outcome answer(int code, String json) throws Exception {
        return new CliJob.Outcome(code, Optional.of(JSON.readTree(json)), "");
    }

    @Test
    void anUnhealthyVerdictIsAnAnswerThoughTheCommandExitsOne() throws Exception {
        CheckViewModel m = model(CheckViewModel.Kind.OVERFIT, answer(1,
                "{\"healthy\":false,\"losses\":[0.7,0.5,null],\"verdict\":\"Not healthy: stuck.\"}"), Optional.empty());
        m.start();
        assertEquals(List.of(List.of("check-overfit", "p.nwproj", "--json")), asked);
        assertEquals(1, saved);
        assertFalse(m.runningProperty().get());
        assertEquals("Not healthy: stuck.", m.messageProperty().get());
        assertTrue(m.failedProperty().get());
        assertEquals(3, m.overfitProperty().get().losses().length);
        assertTrue(Double.isNaN(m.overfitProperty().get().losses()[2]));
    }

    @Test
    void theSuggestedRateGoesThroughTheSettings() throws Exception {
        CheckViewModel m = model(CheckViewModel.Kind.RATE, answer(0, "{\"rates\":[1e-6,1e-3,1],\"losses\":[0.7,0.4,"
                + "3],\"smoothed\":[0.7,0.5,1.2],\"suggested\":0.0123456,\"message\":\"Suggested learning rate 0.0123.\"}"),
                Optional.empty());
        m.start();
        assertEquals("lr-find", asked.get(0).get(0));
        assertArrayEquals(new double[] {1e-6, 1e-3, 1}, m.curveProperty().get().rates());
        assertTrue(m.useSuggestedRate());
        assertEquals(List.of("0.0123"), rates);
        assertEquals("The learning rate is now 0.0123.", m.messageProperty().get());
    }

    @Test
    void aRefusedRateIsSaidAndAFailedCommandGivesItsSentence() throws Exception {
        CheckViewModel m = model(CheckViewModel.Kind.RATE, answer(0, "{\"rates\":[],\"losses\":[],\"smoothed\":[],"
                + "\"suggested\":0.5,\"message\":\"m\"}"), Optional.of("The learning rate must be at most 0.1."));
        m.start();
        assertFalse(m.useSuggestedRate());
        assertEquals("The learning rate must be at most 0.1.", m.messageProperty().get());
        assertTrue(m.failedProperty().get());

        CheckViewModel broken = model(CheckViewModel.Kind.OVERFIT, new CliJob.Outcome(2, Optional.empty(),
                "the overfit check does not apply to a GAN"), Optional.empty());
        broken.start();
        assertEquals("The overfit check does not apply to a GAN.", broken.messageProperty().get());
        assertTrue(broken.failedProperty().get());
        assertFalse(broken.useSuggestedRate());
    }

    @Test
    void cancelEndsTheJobAndSaysSoAndALateAnswerIsIgnored() throws Exception {
        List<CompletableFuture<CliJob.Outcome>> jobs = new ArrayList<>();
        CheckViewModel m = new CheckViewModel(CheckViewModel.Kind.OVERFIT, () -> Path.of("p.nwproj"), () -> { },
                args -> {
                    CompletableFuture<CliJob.Outcome> job = new CompletableFuture<>();
                    jobs.add(job);
                    return job;
                }, Runnable::run, text -> Optional.empty());
        m.cancel();
        assertEquals("", m.messageProperty().get(), "nothing to cancel");
        m.start();
        assertTrue(m.runningProperty().get());
        m.cancel();
        assertTrue(jobs.get(0).isCancelled(), "the child's job is cancelled, which ends the child");
        assertFalse(m.runningProperty().get());
        assertFalse(m.failedProperty().get());
        assertEquals("Cancelled.", m.messageProperty().get());

        m.start();
        assertEquals(2, jobs.size());
        jobs.get(0).complete(answer(0, "{\"healthy\":true,\"losses\":[1],\"verdict\":\"old\"}"));
        assertTrue(m.runningProperty().get(), "the cancelled job's answer does not end the new check");
        jobs.get(1).complete(answer(0, "{\"healthy\":true,\"losses\":[1,0.001],\"verdict\":\"Healthy.\"}"));
        assertFalse(m.runningProperty().get());
        assertEquals("Healthy.", m.messageProperty().get());
    }
}
