package org.netwright.runner.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape arithmetic of PyTorch's exporter folded to sizes, the batch carried along but never computed with. */
class ShapeFoldingTest {
    private static final long B = Long.MIN_VALUE;

    private static long[] fold(String op, long[]... inputs) {
        return ShapeFolding.fold(op, List.of(inputs), 0, List.of());
    }

    @Test
    void viewOfTheBatchAndMinusOneIsGatherUnsqueezeConcat() {
        long[] shape = {B, 4, 3, 3};
        long[] batch = fold("Gather", shape, new long[] {0});
        assertArrayEquals(new long[] {B}, batch);
        assertArrayEquals(new long[] {B, -1}, fold("Concat", fold("Unsqueeze", batch), new long[] {-1}));
    }

    @Test
    void sizesMultiplyAndSlicesCountFromEitherEnd() {
        long[] shape = {B, 4, 3, 3};
        long[] c = fold("Gather", shape, new long[] {1});
        long[] hw = fold("Mul", fold("Gather", shape, new long[] {-2}), fold("Gather", shape, new long[] {-1}));
        assertArrayEquals(new long[] {36}, fold("Mul", c, hw));
        assertArrayEquals(new long[] {B, 4}, fold("Slice", shape, new long[] {0}, new long[] {2}, new long[] {0}));
        assertArrayEquals(new long[] {3, 3}, fold("Slice", shape, new long[] {-2}, new long[] {Long.MAX_VALUE}));
        assertArrayEquals(new long[] {2}, fold("Div", new long[] {8}, new long[] {4}));
    }

    @Test
    void whatDependsOnTheBatchSizeOrCannotBeTakenIsNotFolded() {
        assertNull(fold("Mul", new long[] {B}, new long[] {2}), "the batch size is not known");
        assertNull(fold("Gather", new long[] {B, 4}, new long[] {5}), "an index past the end");
        assertNull(fold("Div", new long[] {4}, new long[] {0}));
        assertNull(fold("Slice", new long[] {B, 4}, new long[] {0}, new long[] {2}, new long[] {1}),
                "a slice along an axis a list of sizes does not have");
        assertNull(ShapeFolding.fold("Concat", List.of(new long[] {1}, new long[] {2}), 1, List.of()));
        long[] big = new long[40];
        assertNull(fold("Concat", big, big), "a list longer than any shape");
    }
}
