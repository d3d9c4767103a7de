package org.netwright.runner.optim;

/**
 * A learning rate as a function of the training step, counted from 0 over the whole run. Most
 * schedules are pure functions of the step; reduce-on-plateau also listens to {@link #epochEnded}.
 * Build one with {@link Schedules#parse}.
 */
public interface Schedule {

    /** The learning rate of step {@code step} (0 = the run's first step). */
    double rate(long step);

    /**
     * Tells the schedule that an epoch (counted from 1) ended with {@code monitoredValue}, lower being
     * better (usually the validation loss); only stateful schedules react.
     */
    default void epochEnded(int epoch, double monitoredValue) {
    }

    /** A one-line description for the UI and logs, e.g. "cosine from 0.001 to 0 over 500 steps". */
    String describe();

    /**
     * The rate at every step {@code 0 .. totalSteps-1}, for plotting before training; it reads the
     * schedule without changing its state (a plateau schedule shows its current rate, since the
     * future depends on losses not yet seen).
     */
    default double[] preview(long totalSteps) {
        if (totalSteps < 0 || totalSteps > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A schedule preview needs 0 to " + (Integer.MAX_VALUE - 8)
                    + " steps, not " + totalSteps + ".");
        }
        double[] rates = new double[(int) totalSteps];
        for (int s = 0; s < rates.length; s++) {
            rates[s] = rate(s);
        }
        return rates;
    }

    /** The schedule's mutable state (empty for pure schedules), for a resumable checkpoint. */
    default double[] saveState() {
        return new double[0];
    }

    /** Restores what {@link #saveState} returned; pure schedules accept only an empty state. */
    default void loadState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("This schedule keeps no state, but the checkpoint holds "
                    + state.length + " values for it.");
        }
    }
}
