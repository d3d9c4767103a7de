package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Layers that join branches (Add, Concatenate, Multiply) or cut one into several (Split). */
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
                        Ports.numbered(), Ports.OUT, MergeLayers::concatenate),
                new LayerSpec("multiply", "Multiply", LayerFamily.MERGE,
                        "Multiplies its inputs element by element; all must have the same shape. Used for gates "
                                + "(a sigmoid branch scaling another) and for combining a label embedding with features.",
                        List.of(inputs), Ports.numbered(), Ports.OUT, MergeLayers::multiply),
                new LayerSpec("split", "Split", LayerFamily.MERGE,
                        "Cuts its input into equal parts along one axis, one output port per part (out1, out2, ...). "
                                + "E.g. split 2C channels into two halves for a gate, or an encoder's output into mu "
                                + "and log-variance.",
                        List.of(new IntParam("parts", "Parts", 2, 2, 8, "How many equal pieces; must divide the axis."),
                                new IntParam("axis", "Axis", 0, -4, 3,
                                        "Axis to cut along, counted without the batch axis; -1 is the last.")),
                        Ports.single(), MergeLayers::partPorts, MergeLayers::split));
    }

    /** out1..outN where N is the layer's {@code parts} parameter. */
    private static List<String> partPorts(LayerParams p) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= p.getInt("parts"); i++) {
            names.add("out" + i);
        }
        return names;
    }

    private static LayerOutput multiply(LayerParams p, List<Shape> in) {
        requireOneShape(in);
        return LayerOutput.of(in.get(0), 0, in.get(0).size() * (in.size() - 1));
    }

    private static LayerOutput split(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        int axis = p.getInt("axis");
        int a = axis < 0 ? x.rank() + axis : axis;
        if (a < 0 || a >= x.rank()) {
            throw new ShapeMismatch("axis " + axis + " does not exist in " + x.describe());
        }
        int parts = p.getInt("parts");
        if (x.dim(a) % parts != 0) {
            throw new ShapeMismatch("needs axis " + axis + " of " + x.describe() + " to divide into " + parts
                    + " equal parts, but " + x.dim(a) + " does not");
        }
        List<Integer> dims = new ArrayList<>(x.dims());
        dims.set(a, x.dim(a) / parts);
        Shape part = new Shape(dims);
        return new LayerOutput(Collections.nCopies(parts, part), 0, 0);
    }

    private static LayerOutput add(LayerParams p, List<Shape> in) {
        return LayerOutput.of(requireOneShape(in), 0, 0);
    }

    private static Shape requireOneShape(List<Shape> in) {
        Shape first = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            if (!in.get(i).equals(first)) {
                throw new ShapeMismatch("needs inputs of one shape, but in1 is " + first + " and in" + (i + 1)
                        + " is " + in.get(i));
            }
        }
        return first;
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
