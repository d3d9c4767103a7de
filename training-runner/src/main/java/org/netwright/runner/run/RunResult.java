package org.netwright.runner.run;

import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;

import java.util.List;

/**
 * How a run ended: {@code completed}, {@code stopped} or {@code failed}, with its final metrics and epochs
 * (for a failed run, metrics are null and {@code message} says why).
 */
public record RunResult(String status, FinalMetrics metrics, List<RunEvent.Epoch> epochs, String message) {
    public static final String FAILED = "failed";

    public RunResult {
        epochs = List.copyOf(epochs);
    }
}
