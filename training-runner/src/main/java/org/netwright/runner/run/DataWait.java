package org.netwright.runner.run;

/**
 * How long a run's training thread spent on its batches over {@code steps} steps: {@code nanos} in all (making them,
 * or taking a prefetched one and handing the next to the prefetch thread), of which {@code blockedNanos} waiting for
 * the batch's data (making it itself, or blocked until the prefetch thread had it); {@code prefetched} steps found
 * their batch made ahead.
 */
public record DataWait(long steps, long nanos, long blockedNanos, long prefetched) {
    /** No steps counted. */
    public static final DataWait NONE = new DataWait(0, 0, 0, 0);

    /** Milliseconds per step waiting for the batch's data itself; 0 before the first step. */
    public double blockedMsPerStep() {
        return steps == 0 ? 0 : blockedNanos / 1e6 / steps;
    }

    /** Milliseconds waited per step on average; 0 before the first step. */
    public double msPerStep() {
        return steps == 0 ? 0 : nanos / 1e6 / steps;
    }
}
