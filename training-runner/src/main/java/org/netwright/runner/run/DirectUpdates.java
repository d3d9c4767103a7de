package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.lang.reflect.Field;

/**
 * Hands each weight's own gradient to the optimizer. DJL's parameter server first copies every gradient (to add up
 * the copies of several devices, which a run on one device never has) and the optimizer's update then reads the copy:
 * one array made and freed per weight and step, a few percent of a small model's step. Our optimizers read the
 * gradient, may use it as scratch space and zero it after the update, which is the same arithmetic on the original.
 */
final class DirectUpdates implements ParameterServer {
    private static final Field STORE = storeField();

    private final Optimizer optimizer;
    /** DJL's own server, for the case of several devices (never used by a run today). */
    private final ParameterServer several;

    private DirectUpdates(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.several = new LocalParameterServer(optimizer);
    }

    private static Field storeField() {
        try {
            Field f = Trainer.class.getDeclaredField("parameterStore");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another DJL version: its own parameter server stays.
            return null;
        }
    }

    /** Makes {@code trainer}'s updates go straight from each gradient to {@code optimizer}; returns the trainer. */
    static Trainer install(Trainer trainer, Optimizer optimizer) {
        if (STORE == null) {
            return trainer;
        }
        try {
            ((ParameterStore) STORE.get(trainer)).setParameterServer(new DirectUpdates(optimizer), trainer.getDevices());
        } catch (IllegalAccessException | RuntimeException e) {
            // DJL's server is still in place: slower, same result.
        }
        return trainer;
    }

    @Override
    public void init(String parameterId, NDArray[] value) {
    }

    @Override
    public void update(String parameterId, NDArray[] params) {
        if (params.length != 1) {
            several.update(parameterId, params);
            return;
        }
        try (NDArray gradient = params[0].getGradient()) {
            optimizer.update(parameterId, params[0], gradient);
        }
    }

    @Override
    public void update(String parameterId, NDArray[] gradients, NDArray[] params) {
        several.update(parameterId, gradients, params);
    }

    @Override
    public void close() {
        several.close();
    }
}
