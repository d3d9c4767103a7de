package org.netwright.runner.export.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The integer arithmetic on shapes that PyTorch's exporter writes for {@code view}, {@code reshape} and
 * {@code flatten} with a batch of any size (Shape, then Gather, Slice, Unsqueeze, Concat, Mul...), folded to
 * constants once the sizes are known. A value is a list of integers (scalars as lists of one); the batch size is
 * {@link Long#MIN_VALUE}, which may be moved around but not computed with.
 */
final class ShapeFolding {
    /** The operators folded here. */
    static final Set<String> OPERATORS = Set.of("Gather", "Unsqueeze", "Squeeze", "Concat", "Slice", "Cast",
            "Identity", "Mul", "Add", "Sub", "Div");
    private static final long BATCH = Long.MIN_VALUE;
    private static final int MAX_AXES = 64;

    private ShapeFolding() {
    }

    /**
     * The value of {@code op} on {@code inputs} (its inputs in order: shapes and constants); {@code axis} and
     * {@code axes} are the operator's attributes. Null when the result depends on the batch size or the operator is
     * used in a way these lists cannot stand for.
     */
    static long[] fold(String op, List<long[]> inputs, long axis, List<Long> axes) {
        long[] x = inputs.get(0);
        return switch (op) {
            case "Unsqueeze", "Squeeze", "Cast", "Identity" -> x;
            case "Concat" -> axis == 0 || axis == -1 ? concat(inputs) : null;
            case "Gather" -> inputs.size() == 2 && axis == 0 ? gather(x, inputs.get(1)) : null;
            case "Slice" -> slice(inputs);
            case "Mul", "Add", "Sub", "Div" -> inputs.size() == 2 ? arithmetic(op, x, inputs.get(1)) : null;
            default -> null;
        };
    }

    private static long[] concat(List<long[]> inputs) {
        List<Long> all = new ArrayList<>();
        for (long[] v : inputs) {
            for (long d : v) {
                all.add(d);
            }
        }
        // A shape has a few axes; a forged model that doubles a list again and again is not folded without bound.
        return all.size() > MAX_AXES ? null : all.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] gather(long[] x, long[] indices) {
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            long at = indices[i] < 0 ? indices[i] + x.length : indices[i];
            if (at < 0 || at >= x.length) {
                return null;
            }
            out[i] = x[(int) at];
        }
        return out;
    }

    private static long[] slice(List<long[]> inputs) {
        if (inputs.size() < 3 || inputs.get(1).length != 1 || inputs.get(2).length != 1) {
            return null;
        }
        if (inputs.size() > 3 && !(inputs.get(3).length == 1 && (inputs.get(3)[0] == 0 || inputs.get(3)[0] == -1))) {
            return null;
        }
        long step = inputs.size() > 4 && inputs.get(4).length == 1 ? inputs.get(4)[0] : 1;
        return step == 1 ? slice(inputs.get(0), inputs.get(1)[0], inputs.get(2)[0], step) : null;
    }

    /** Items {@code start} (inclusive) to {@code end} (exclusive) of {@code x}, negative ends counted from its end. */
    static long[] slice(long[] x, long start, long end, long step) {
        int n = x.length;
        long from = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        long to = Math.max(0, Math.min(n, end < 0 ? end + n : end));
        if (step != 1 || to < from) {
            return to < from ? new long[0] : null;
        }
        long[] out = new long[(int) (to - from)];
        System.arraycopy(x, (int) from, out, 0, out.length);
        return out;
    }

    private static long[] arithmetic(String op, long[] a, long[] b) {
        if (a.length != b.length && a.length != 1 && b.length != 1) {
            return null;
        }
        long[] out = new long[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            long x = a[a.length == 1 ? 0 : i];
            long y = b[b.length == 1 ? 0 : i];
            if (x == BATCH || y == BATCH || op.equals("Div") && y == 0) {
                return null;
            }
            out[i] = switch (op) {
                case "Mul" -> Math.multiplyExact(x, y);
                case "Add" -> Math.addExact(x, y);
                case "Sub" -> Math.subtractExact(x, y);
                default -> x / y;
            };
        }
        return out;
    }
}
