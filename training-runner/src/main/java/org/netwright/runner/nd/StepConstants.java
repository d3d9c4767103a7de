package org.netwright.runner.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Arrays that stay the same over every step of a run (one graph's features and adjacency, and what the layers derive
 * from that adjacency), made once instead of every step. Between steps they live in their own manager; for a step
 * they are lent to the step's scope, because an op puts its result in its first operand's manager: whatever the step
 * computes from them then dies with the step, as it would from arrays made in it. Lending is per thread (DJL's forward
 * pass runs on the thread that trains).
 */
public final class StepConstants implements AutoCloseable {
    private static final ThreadLocal<StepConstants> LENT = new ThreadLocal<>();

    private final NDManager home;
    private final List<NDArray> arrays = new ArrayList<>();
    private final Map<NDArray, Map<String, NDArray>> derived = new IdentityHashMap<>();
    private NDManager lentTo;

    /** Constants kept in a new sub-manager of {@code parent} (the trainer's manager, so they close with the model). */
    public StepConstants(NDManager parent) {
        this.home = parent.newSubManager();
    }

    /** Keeps {@code array} (made once by the caller) among the constants and returns it. */
    public NDArray keep(NDArray array) {
        array.attach(lentTo != null ? lentTo : home);
        arrays.add(array);
        return array;
    }

    /** Lends every constant to {@code scope} on this thread until {@link #takeBack()}; throws if already lent. */
    public void lendTo(NDManager scope) {
        if (lentTo != null) {
            throw new IllegalStateException("The run's constant arrays are already lent to a step.");
        }
        for (NDArray a : arrays) {
            a.attach(scope);
        }
        lentTo = scope;
        LENT.set(this);
    }

    /** Takes the constants back from the step's scope before it closes; does nothing when they are not lent. */
    public void takeBack() {
        if (lentTo == null) {
            return;
        }
        for (NDArray a : arrays) {
            a.attach(home);
        }
        lentTo = null;
        LENT.remove();
    }

    /**
     * {@code make(source)}, computed once per run when {@code source} is a constant lent to the step now on this
     * thread (the result joins the constants); otherwise computed now, as a step would without constants. {@code key}
     * names what is derived ({@code make} must give the same result for the same key and source).
     */
    public static NDArray derive(NDArray source, String key, UnaryOperator<NDArray> make) {
        StepConstants lender = LENT.get();
        if (lender == null || !lender.holds(source)) {
            return make.apply(source);
        }
        Map<String, NDArray> bySource = lender.derived.computeIfAbsent(source, s -> new HashMap<>());
        NDArray known = bySource.get(key);
        if (known != null) {
            return known;
        }
        NDArray made = make.apply(source);
        lender.keep(made);
        bySource.put(key, made);
        return made;
    }

    private boolean holds(NDArray a) {
        for (NDArray x : arrays) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    /** Takes the arrays back if lent and closes them. */
    @Override
    public void close() {
        takeBack();
        home.close();
    }
}
