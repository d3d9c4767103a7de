package org.netwright.model.shape;

import java.util.List;

/** What a layer makes of its inputs: one shape per output port, its trainable parameter count and its multiply-accumulates per sample. */
public record LayerOutput(List<Shape> outputs, long params, long macs) {
    public LayerOutput {
        outputs = List.copyOf(outputs);
    }

    public static LayerOutput of(Shape out, long params, long macs) {
        return new LayerOutput(List.of(out), params, macs);
    }

    public static LayerOutput of(Shape out) {
        return of(out, 0, 0);
    }
}
