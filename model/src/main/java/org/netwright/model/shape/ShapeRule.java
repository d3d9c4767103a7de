package org.netwright.model.shape;

import java.util.List;
import org.netwright.model.catalog.LayerParams;

/** A layer's shape inference: a pure function of its parameters and input shapes (in input-port order). */
@FunctionalInterface
public interface ShapeRule {
    /** Computes the outputs; throws {@link ShapeMismatch} saying what was expected when the inputs do not fit. */
    LayerOutput apply(LayerParams params, List<Shape> inputs);
}
