package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Reshape and Permute: rearrange the values of a sample without changing them. */
public final class ShapingLayers {
    private ShapingLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("reshape", "Reshape", LayerFamily.CORE,
                        "Gives each sample a new shape holding the same values in the same order, e.g. a vector of "
                                + "32 into a sequence 4,8; one axis may be -1 to take whatever is left. No parameters.",
                        List.of(new TextParam("target", "Target shape", "-1", "-?[0-9]+(,-?[0-9]+){0,7}",
                                "Sizes separated by commas, without the batch axis; one may be -1.")),
                        Ports.single(), Ports.OUT, ShapingLayers::reshape),
                new LayerSpec("permute", "Permute", LayerFamily.CORE,
                        "Reorders the axes of each sample: 1,0 turns a sequence T×F into F×T, 1,2,0 turns an image "
                                + "C×H×W into H×W×C. Axes are counted from 0, without the batch axis.",
                        List.of(new TextParam("order", "Axis order", "1,0", "[0-9]+(,[0-9]+){0,7}",
                                "Where each output axis comes from, e.g. 1,0 to swap two axes.")),
                        Ports.single(), Ports.OUT, ShapingLayers::permute));
    }

    /** Reads "4,-1,8" as whole numbers. */
    public static int[] numbers(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** The target shape of a reshape of {@code x}, with its -1 resolved. */
    public static Shape reshaped(Shape x, String target) {
        int[] dims = numbers(target);
        int free = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (free >= 0) {
                    throw new ShapeMismatch("allows one -1 in the target shape, but got " + target);
                }
                free = i;
            } else if (dims[i] < 1) {
                throw new ShapeMismatch("needs target sizes of at least 1 (or one -1), but got " + target);
            } else {
                known = Math.multiplyExact(known, dims[i]);
            }
        }
        long size = x.size();
        if (free >= 0) {
            if (size % known != 0) {
                throw new ShapeMismatch("cannot fill the -1 of " + target + ": " + x.describe() + " holds " + size
                        + " values, which " + known + " does not divide");
            }
            dims[free] = Math.toIntExact(size / known);
        } else if (known != size) {
            throw new ShapeMismatch("needs a target holding as many values as the input, but " + target + " holds "
                    + known + " and " + x.describe() + " holds " + size);
        }
        return Shape.of(dims);
    }

    private static LayerOutput reshape(LayerParams p, List<Shape> in) {
        return LayerOutput.of(reshaped(in.get(0), p.getString("target")));
    }

    /** The axis order of a permute, checked against the input's rank. */
    public static int[] order(Shape x, String text) {
        int[] order = numbers(text);
        boolean[] seen = new boolean[x.rank()];
        boolean ok = order.length == x.rank();
        for (int axis : order) {
            ok = ok && axis < x.rank() && !seen[axis];
            if (axis < x.rank()) {
                seen[axis] = true;
            }
        }
        if (!ok) {
            List<String> identity = new ArrayList<>();
            for (int i = 0; i < x.rank(); i++) {
                identity.add(String.valueOf(i));
            }
            throw new ShapeMismatch("expects an order of the " + x.rank() + " axes of " + x.describe()
                    + " (each of " + String.join(",", identity) + " once), but got " + text);
        }
        return order;
    }

    private static LayerOutput permute(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        int[] order = order(x, p.getString("order"));
        int[] dims = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            dims[i] = x.dim(order[i]);
        }
        return LayerOutput.of(Shape.of(dims));
    }
}
