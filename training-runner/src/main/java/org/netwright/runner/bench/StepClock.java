package org.netwright.runner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What a step's time is read from: the wall clock, or the CPU time of the thread that trains. On a busy machine the
 * wall clock mostly measures waiting for a core, in rounds that favour whichever model ran while the load dipped;
 * the training thread's CPU time measures the work (at one libtorch thread the ops run on that thread), though not
 * the batch our prefetch thread makes beside it (shown on its own as batch build).
 */
public enum StepClock {
    WALL,
    CPU;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Nanoseconds on this clock, for differences within one thread. */
    long nanos() {
        return this == WALL ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }

    /** The clock's name on the command line: {@code wall} or {@code cpu}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The clock {@code value} names; throws IllegalArgumentException for another word. */
    public static StepClock parse(String value) {
        for (StepClock c : values()) {
            if (c.id().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--clock takes wall or cpu; got '" + value + "'.");
    }
}
