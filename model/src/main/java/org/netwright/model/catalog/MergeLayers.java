package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Layers that join branches: Add for residual connections, Concatenate for parallel branches. */
final class MergeLayers {
    private MergeLayers() {
    }

    static List<LayerSpec> all() {
        IntParam inputs = new IntParam("inputs", "Inputs", 2, 2, 8, "How many branches join here.");
        return List.of(
                new LayerSpec("add", "Add", LayerFamily.MERGE,
                        "Sums its inputs element by element; all must have the same shape. This is the skip connection "
                                + "of residual networks: out = x + f(x).",
                        List.of(inputs), Ports.numbered(), Ports.OUT, MergeLayers::add),
                new LayerSpec("concatenate", "Concatenate", LayerFamily.MERGE,
                        "Joins its inputs end to end along one axis (0 = channels of an image, features of a vector); "
                                + "the other axes must match. Used for Inception branches and U-Net skips.",
                        List.of(inputs, new IntParam("axis", "Axis", 0, -4, 3,
                                "Axis to join along, counted without the batch axis; -1 is the last.")),
                        Ports.numbered(), Ports.OUT, MergeLayers::concatenate));
    }

    private static LayerOutput add(LayerParams p, List<Shape> in) {
        Shape first = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            if (!in.get(i).equals(first)) {
                throw new ShapeMismatch("needs inputs of one shape, but in1 is " + first + " and in" + (i + 1)
                        + " is " + in.get(i));
            }
        }
        return LayerOutput.of(first, 0, 0);
    }

    private static LayerOutput concatenate(LayerParams p, List<Shape> in) {
        Shape first = in.get(0);
        int axis = p.getInt("axis");
        int a = axis < 0 ? first.rank() + axis : axis;
        if (a < 0 || a >= first.rank()) {
            throw new ShapeMismatch("axis " + axis + " does not exist in " + first.describe());
        }
        List<Integer> dims = new ArrayList<>(first.dims());
        int total = 0;
        for (int i = 0; i < in.size(); i++) {
            Shape s = in.get(i);
            if (s.rank() != first.rank()) {
                throw new ShapeMismatch("needs inputs of one rank, but in1 is " + first + " and in" + (i + 1)
                        + " is " + s);
            }
            for (int j = 0; j < s.rank(); j++) {
                if (j != a && s.dim(j) != first.dim(j)) {
                    throw new ShapeMismatch("needs every axis but " + axis + " to match, but in1 is " + first
                            + " and in" + (i + 1) + " is " + s);
                }
            }
            total += s.dim(a);
        }
        dims.set(a, total);
        return LayerOutput.of(new Shape(dims), 0, 0);
    }
}
