package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's loss: the total the gradients come from, and its named parts (e.g. {@code recon_loss} and {@code kl}
 * of a VAE) as the run reports them; parts may be empty.
 */
record StepLoss(NDArray total, Map<String, NDArray> parts) {
    StepLoss {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
    }

    /**
     * The total and the parts as numbers. When all are single numbers of one shape they are read back from the
     * engine in one transfer (stacked first), since each read-back costs more than the small ops that made them.
     */
    static StepValues read(StepLoss loss) {
        List<NDArray> arrays = new ArrayList<>(1 + loss.parts().size());
        arrays.add(loss.total());
        arrays.addAll(loss.parts().values());
        float[] numbers = numbers(arrays);
        Map<String, Double> parts = new LinkedHashMap<>();
        int i = 1;
        for (String name : loss.parts().keySet()) {
            parts.put(name, (double) numbers[i++]);
        }
        return new StepValues(numbers[0], parts);
    }

    private static float[] numbers(List<NDArray> arrays) {
        Shape shape = arrays.get(0).getShape();
        boolean stackable = shape.size() == 1;
        for (NDArray a : arrays) {
            stackable &= a.getShape().equals(shape);
        }
        if (arrays.size() == 1 && stackable) {
            return arrays.get(0).toFloatArray();
        }
        if (stackable) {
            try (NDArray all = NDArrays.stack(new NDList(arrays))) {
                return all.toFloatArray();
            }
        }
        float[] out = new float[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arrays.get(i).getFloat();
        }
        return out;
    }
}
