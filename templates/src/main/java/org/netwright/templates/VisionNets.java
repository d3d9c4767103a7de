package org.netwright.templates;

import java.util.List;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.GraphBuilder.Layer;
import org.netwright.templates.data.Shapes;

/** Small image classifiers that train on generated images in seconds to a minute. */
final class VisionNets {
    static final String RESNET_MINI = "resnet-mini";

    private VisionNets() {
    }

    /**
     * A residual CNN in miniature: a 3×3 stem, two basic residual blocks (composites, as in ResNet-18: 3×3 conv,
     * batch norm, ReLU, 3×3 conv, batch norm, plus the shortcut, then ReLU), the second halving the image with a
     * 1×1 projection shortcut, global average pooling and dense 3, on 16×16 shapes.
     */
    static Template resnetMini() {
        int size = Shapes.DEFAULT_SIZE;
        var b = new GraphBuilder()
                .input("image_input", Map.of("channels", 1, "height", size, "width", size))
                .then("conv2d", conv(16, 3, 1, 1)).then("batch_norm").then("relu");
        b.residualBlock("block_1", basic(16, 1), List.of(), List.of(Layer.of("relu")));
        b.newRow();
        b.residualBlock("block_2", basic(32, 2),
                List.of(Layer.of("conv2d", conv(32, 1, 2, 0)), Layer.of("batch_norm")), List.of(Layer.of("relu")));
        b.then("global_avg_pool").then("dense", Map.of("units", 3));
        var settings = new TrainingSettings(10, 32, 0.003, "adam", "auto", 42, 0.2, 0.2,
                DataRecipe.generator("shapes", Map.of("samples", 1200, "size", size)));
        return new Template(RESNET_MINI, "Shapes: a mini ResNet",
                "Tells circles, squares and triangles apart in " + size + "×" + size + " grey images with two residual"
                        + " blocks (open a block to see its convolutions and shortcut), global average pooling and"
                        + " Dense 3.", b.build(), settings);
    }

    /** conv 3×3, batch norm, ReLU, conv 3×3, batch norm: the main path of a basic residual block. */
    private static List<Layer> basic(int width, int stride) {
        return List.of(Layer.of("conv2d", conv(width, 3, stride, 1)), Layer.of("batch_norm"), Layer.of("relu"),
                Layer.of("conv2d", conv(width, 3, 1, 1)), Layer.of("batch_norm"));
    }

    private static Map<String, Object> conv(int filters, int kernel, int stride, int pad) {
        // No bias: the batch norm that follows every convolution has its own shift.
        return Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", "explicit", "pad", pad,
                "bias", false);
    }
}
