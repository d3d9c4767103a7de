package org.netwright.runner.bench;

/**
 * One family's figures at one thread count: median milliseconds per step in our runner, in plain DJL and in our
 * runner with the per-step listeners, each with the lowest and highest round median; and the time to assemble a batch.
 */
public record FamilyResult(Family family, int threads, Timing ours, Timing plain, Timing withListeners,
                           double assemblyMs) {

    /** Median ms/step over every timed step of every round, and the range of the rounds' medians. */
    public record Timing(double medianMs, double lowMs, double highMs) {
    }

    /** Our step over plain DJL's; the goal is at most 1. */
    public double ratio() {
        return ours.medianMs() / plain.medianMs();
    }

    /** How much longer a step takes with the listeners, in percent of a step without them. */
    public double listenerOverheadPercent() {
        return 100 * (withListeners.medianMs() / ours.medianMs() - 1);
    }

    /** Batch assembly in percent of our step. */
    public double assemblyPercent() {
        return 100 * assemblyMs / ours.medianMs();
    }
}
