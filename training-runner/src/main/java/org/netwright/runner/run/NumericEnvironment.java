package org.netwright.runner.run;

import java.util.Map;

/**
 * The environment a training process needs for bit-for-bit repeatable runs on the CPU. libtorch does its matrix
 * products with Intel MKL, which picks its code path at run time; on one machine and at one thread the default path
 * still gave transformer-seq2seq different gradients in different processes from the third step on (in 8 of 24 runs
 * under load), while with {@code MKL_CBWR=COMPATIBLE} (MKL's Conditional Numerical Reproducibility, the one fixed
 * path) every run matched (12 of 12), at about a quarter more time per step for that template. MKL reads the
 * variable when it loads, so it must be set for the process, before it starts: the launcher script exports it and
 * every child JVM we start gets it through {@link #apply}; a value the user set is kept.
 */
public final class NumericEnvironment {
    /** MKL's switch for Conditional Numerical Reproducibility. */
    public static final String MKL_CBWR = "MKL_CBWR";
    /** The one code path MKL takes on every CPU, so results do not depend on alignment or timing. */
    public static final String REPRODUCIBLE = "COMPATIBLE";

    private NumericEnvironment() {
    }

    /** Sets {@link #MKL_CBWR} in a child process's environment unless it is set already; returns {@code builder}. */
    public static ProcessBuilder apply(ProcessBuilder builder) {
        apply(builder.environment());
        return builder;
    }

    /** Sets {@link #MKL_CBWR} in {@code environment} unless it holds a value. */
    public static void apply(Map<String, String> environment) {
        environment.putIfAbsent(MKL_CBWR, REPRODUCIBLE);
    }

    /** Whether this process runs with a fixed MKL code path (repeatable runs), as far as its environment says. */
    public static boolean repeatable() {
        String v = System.getenv(MKL_CBWR);
        return v != null && !v.isBlank();
    }
}
