package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Our optimizer base: the learning rate of each update comes from a {@link Schedule} at the
 * parameter's step (counted from 0), L2 weight decay and L1 are added to the gradient (or the decay
 * is decoupled, for AdamW), the update rule is the subclass's, and the gradient is zeroed afterwards
 * (DJL's PyTorch engine accumulates gradients across backward passes). Per-parameter state (moments,
 * step counts) and the schedule's state can be saved and restored under stable names, so a resumed
 * run continues exactly where a stopped one left off.
 */
public abstract class ScheduledOptimizer extends Optimizer {
    private static final int MAGIC = 0x4E574F53; // "NWOS"
    private static final int VERSION = 1;

    private final String name;
    private final Schedule schedule;
    private final float weightDecay;
    private final float l1;
    private final boolean decoupledDecay;
    private final int stateArrays;
    private final Map<String, Slot> slots = new HashMap<>();

    /** Per-parameter memory: how many updates it has had, and the rule's arrays (moments, sums). */
    private static final class Slot {
        long steps;
        final NDArray[] state;

        Slot(long steps, NDArray[] state) {
            this.steps = steps;
            this.state = state;
        }
    }

    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }

    ScheduledOptimizer(String name, Schedule schedule, double weightDecay, double l1, boolean decoupledDecay,
            int stateArrays) {
        super(new NoOptions());
        this.name = name;
        this.schedule = schedule;
        this.weightDecay = (float) weightDecay;
        this.l1 = (float) l1;
        this.decoupledDecay = decoupledDecay;
        this.stateArrays = stateArrays;
    }

    /** The optimizer's name as {@link OptimizerConfig} spells it, e.g. {@code adamw}. */
    public String name() {
        return name;
    }

    /** The schedule that gives this optimizer its learning rate. */
    public Schedule schedule() {
        return schedule;
    }

    /** Updates one parameter from its gradient, then zeroes the gradient; DJL's trainer calls it from {@code step()}. */
    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        Slot slot = slots.computeIfAbsent(parameterId, id -> new Slot(0, zerosLike(weight)));
        float lr = (float) schedule.rate(slot.steps);
        slot.steps++;
        if (l1 != 0) {
            try (NDArray sign = weight.sign()) {
                grad.addi(sign.muli(l1));
            }
        }
        if (fusedUpdate(weight, grad, slot.state, slot.steps, lr, weightDecay)) {
            return;
        }
        if (weightDecay != 0) {
            if (decoupledDecay) {
                weight.muli(1 - lr * weightDecay);
            } else {
                try (NDArray decay = weight.mul(weightDecay)) {
                    grad.addi(decay);
                }
            }
        }
        // The rule may use the gradient as scratch space: it is zeroed right after.
        apply(weight, grad, slot.state, slot.steps, lr);
        zeroGradient(weight, grad);
    }

    /**
     * Does the whole update (weight decay, rule, zeroing the gradient) in one native call where the
     * engine has one with the same arithmetic, and says whether it did; the L1 term is already in the
     * gradient.
     */
    boolean fusedUpdate(NDArray weight, NDArray grad, NDArray[] state, long t, float lr, float weightDecay) {
        return false;
    }

    /**
     * Applies the rule to {@code weight} in place, given the gradient (penalties included; free to
     * overwrite), the rule's state arrays, the update's number {@code t} (1 for the first) and the rate.
     */
    abstract void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr);

    private NDArray[] zerosLike(NDArray weight) {
        NDArray[] state = new NDArray[stateArrays];
        for (int i = 0; i < stateArrays; i++) {
            state[i] = weight.zerosLike();
        }
        return state;
    }

    private static void zeroGradient(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray pt) {
            // One native call that also clears infinities, which subtracting the gradient from itself would not.
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }

    /**
     * The optimizer's state as bytes: per parameter (named by the map's stable keys, e.g. node id and
     * parameter name, since DJL's parameter ids change from process to process) its update count and
     * arrays, then the schedule's state. Parameters not yet updated are left out.
     */
    public byte[] saveState(Map<String, Parameter> parameters) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(name);
            Map<String, Slot> named = new java.util.TreeMap<>();
            for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
                Slot slot = slots.get(p.getValue().getId());
                if (slot != null) {
                    named.put(p.getKey(), slot);
                }
            }
            out.writeInt(named.size());
            for (Map.Entry<String, Slot> e : named.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().steps);
                out.writeInt(e.getValue().state.length);
                for (NDArray a : e.getValue().state) {
                    long[] shape = a.getShape().getShape();
                    out.writeInt(shape.length);
                    for (long d : shape) {
                        out.writeLong(d);
                    }
                    float[] values = a.toFloatArray();
                    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
                    buffer.asFloatBuffer().put(values);
                    out.writeInt(values.length);
                    out.write(buffer.array());
                }
            }
            double[] scheduleState = schedule.saveState();
            out.writeInt(scheduleState.length);
            for (double d : scheduleState) {
                out.writeDouble(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores what {@link #saveState} wrote into this (fresh) optimizer, for the initialized
     * {@code parameters} under the same stable keys; saved entries whose key is missing are skipped and
     * parameters without a saved entry start fresh. Throws IllegalArgumentException for state of another
     * optimizer, a shape that no longer fits, or unreadable bytes.
     */
    public void loadState(byte[] data, Map<String, Parameter> parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("These bytes are not a Netwright optimizer state (version "
                        + VERSION + ").");
            }
            String savedName = in.readUTF();
            if (!savedName.equals(name)) {
                throw new IllegalArgumentException("The saved optimizer state belongs to " + savedName
                        + ", but this run uses " + name + ".");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                long steps = in.readLong();
                int arrays = in.readInt();
                if (arrays != stateArrays) {
                    throw new IllegalArgumentException("The saved state of '" + key + "' has " + arrays
                            + " arrays; " + name + " keeps " + stateArrays + ".");
                }
                Parameter parameter = parameters.get(key);
                NDArray[] state = new NDArray[arrays];
                for (int j = 0; j < arrays; j++) {
                    long[] shape = new long[in.readInt()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                    }
                    float[] values = new float[in.readInt()];
                    byte[] raw = new byte[values.length * Float.BYTES];
                    in.readFully(raw);
                    ByteBuffer.wrap(raw).asFloatBuffer().get(values);
                    if (parameter != null) {
                        NDArray weight = parameter.getArray();
                        if (!weight.getShape().equals(new Shape(shape))) {
                            throw new IllegalArgumentException("The saved optimizer state of '" + key + "' is "
                                    + new Shape(shape) + " but the weight is now " + weight.getShape() + ".");
                        }
                        NDManager manager = weight.getManager();
                        state[j] = manager.create(values, new Shape(shape));
                    }
                }
                if (parameter != null) {
                    Slot old = slots.put(parameter.getId(), new Slot(steps, state));
                    if (old != null) {
                        for (NDArray a : old.state) {
                            a.close();
                        }
                    }
                }
            }
            double[] scheduleState = new double[in.readInt()];
            for (int i = 0; i < scheduleState.length; i++) {
                scheduleState[i] = in.readDouble();
            }
            schedule.loadState(scheduleState);
        } catch (IOException e) {
            throw new IllegalArgumentException("The saved optimizer state is cut short or damaged.", e);
        }
    }
}
