package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.netwright.model.shape.Shape;

/** JSON helpers of the commands that read a trained run: numbers that may be NaN, arrays shaped like an input. */
final class InsightJson {
    private InsightJson() {
    }

    /** Puts a number, or null where it is NaN or infinite (JSON has no NaN). */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Adds a number to an array, or null where it is NaN or infinite. */
    static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    /** Fills {@code into} with {@code values} nested as {@code shape} (row-major). */
    static void nested(ArrayNode into, float[] values, Shape shape) {
        nested(into, values, shape.toArray(), 0, 0);
    }

    private static int nested(ArrayNode into, float[] values, int[] dims, int axis, int at) {
        if (axis == dims.length - 1) {
            for (int i = 0; i < dims[axis]; i++) {
                add(into, values[at++]);
            }
            return at;
        }
        for (int i = 0; i < dims[axis]; i++) {
            at = nested(into.addArray(), values, dims, axis + 1, at);
        }
        return at;
    }
}
