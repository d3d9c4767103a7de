package org.netwright.runner.run;

/**
 * How long a run's training thread waited for its batches: {@code nanos} over {@code steps} steps, of which
 * {@code prefetched} found their batch made ahead on the prefetch thread.
 */
public record DataWait(long steps, long nanos, long prefetched) {
    /** No steps counted. */
    public static final DataWait NONE = new DataWait(0, 0, 0);

    /** Milliseconds waited per step on average; 0 before the first step. */
    public double msPerStep() {
        return steps == 0 ? 0 : nanos / 1e6 / steps;
    }
}
