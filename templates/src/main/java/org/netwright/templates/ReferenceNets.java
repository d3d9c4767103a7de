package org.netwright.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.GraphBuilder.Layer;

/**
 * The classic image classifiers as templates, layer for layer as PyTorch's reference implementations
 * (torchvision for AlexNet, VGG16 and ResNet-18), so their parameter counts match the published ones.
 * Only LeNet-5 has data that Netwright can make; the ImageNet-sized ones wait for the user's images.
 */
final class ReferenceNets {
    /** What the ImageNet-sized templates expect from the user, shown when they are trained without data. */
    static final String IMAGENET = "3×224×224 colour images in 1000 classes (ImageNet-style), which no built-in "
            + "generator makes";

    private ReferenceNets() {
    }

    private static Map<String, Object> conv(int filters, int kernel, int stride, int pad, boolean bias) {
        return Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", "explicit", "pad", pad,
                "bias", bias);
    }

    private static Map<String, Object> pool(int kernel, int stride, int pad) {
        return Map.of("kernel", kernel, "stride", stride, "pad", pad);
    }

    private static Map<String, Object> imageNetInput() {
        return Map.of("channels", 3, "height", 224, "width", 224);
    }

    /** Settings for a net that trains on the user's data: SGD as in the papers, a CPU-sized batch. */
    private static TrainingSettings userDataSettings() {
        return new TrainingSettings(10, 32, 0.01, "sgd", "cross_entropy", 42, 0.1, 0.1,
                Template.userData("idx", IMAGENET));
    }

    /** LeNet-5 (LeCun et al., 1998) in its common modern form: ReLU and max pooling; 61,706 parameters. */
    static Template lenet5() {
        var graph = new GraphBuilder()
                .input("image_input", Map.of("channels", 1, "height", 32, "width", 32))
                .then("conv2d", Map.of("filters", 6, "kernel", 5, "padding", "valid")).then("relu")
                .then("max_pool2d", pool(2, 2, 0))
                .then("conv2d", Map.of("filters", 16, "kernel", 5, "padding", "valid")).then("relu")
                .then("max_pool2d", pool(2, 2, 0))
                .then("flatten")
                .then("dense", Map.of("units", 120)).then("relu")
                .then("dense", Map.of("units", 84)).then("relu")
                .then("dense", Map.of("units", 10))
                .build();
        var settings = new TrainingSettings(12, 32, 0.002, "adam", "cross_entropy", 42, 0.15, 0.15,
                DataRecipe.generator("segment_digits", Map.of("samples", 1500, "size", 32)));
        return new Template(TemplateLibrary.LENET5, "LeNet-5: the first CNN for digits",
                "LeCun's digit reader (1×32×32, conv 6@5×5, pool, conv 16@5×5, pool, 120/84/10; ReLU and max "
                        + "pooling; 61,706 parameters). Trains on generated seven-segment digits 0-9 at 32×32; "
                        + "for handwritten digits bring your own 32×32 IDX files.",
                graph, settings);
    }

    /** AlexNet as torchvision builds it (one tower, 64/192/384/256/256 filters); 61,100,840 parameters. */
    static Template alexnet() {
        var graph = new GraphBuilder()
                .input("image_input", imageNetInput())
                .then("conv2d", conv(64, 11, 4, 2, true)).then("relu").then("max_pool2d", pool(3, 2, 0))
                .then("conv2d", conv(192, 5, 1, 2, true)).then("relu").then("max_pool2d", pool(3, 2, 0))
                .then("conv2d", conv(384, 3, 1, 1, true)).then("relu")
                .then("conv2d", conv(256, 3, 1, 1, true)).then("relu")
                .then("conv2d", conv(256, 3, 1, 1, true)).then("relu").then("max_pool2d", pool(3, 2, 0))
                // torchvision's adaptive average pool to 6×6 changes nothing at 224×224, so it is left out.
                .newRow()
                .then("flatten")
                .then("dropout", Map.of("rate", 0.5)).then("dense", Map.of("units", 4096)).then("relu")
                .then("dropout", Map.of("rate", 0.5)).then("dense", Map.of("units", 4096)).then("relu")
                .then("dense", Map.of("units", 1000))
                .build();
        return new Template(TemplateLibrary.ALEXNET, "AlexNet (reference, 61.1 M parameters)",
                "The 2012 ImageNet winner as torchvision builds it: five convolutions (11×11 stride 4 first) and "
                        + "three Dense layers with dropout, for 3×224×224 images in 1000 classes. A reference to "
                        + "study; it has no data of its own.",
                graph, userDataSettings());
    }

    /** VGG16, configuration D: thirteen 3×3 convolutions in five stages, three Dense layers; 138,357,544 parameters. */
    static Template vgg16() {
        var b = new GraphBuilder().input("image_input", imageNetInput());
        int[][] stages = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int s = 0; s < stages.length; s++) {
            if (s > 0) {
                b.newRow();
            }
            for (int filters : stages[s]) {
                b.then("conv2d", conv(filters, 3, 1, 1, true)).then("relu");
            }
            b.then("max_pool2d", pool(2, 2, 0));
        }
        // As in AlexNet, the adaptive average pool to 7×7 is the identity at 224×224.
        b.newRow().then("flatten")
                .then("dense", Map.of("units", 4096)).then("relu").then("dropout", Map.of("rate", 0.5))
                .then("dense", Map.of("units", 4096)).then("relu").then("dropout", Map.of("rate", 0.5))
                .then("dense", Map.of("units", 1000));
        return new Template(TemplateLibrary.VGG16, "VGG16 (reference, 138 M parameters)",
                "Oxford's very deep net, configuration D: five stages of 3×3 convolutions (64 to 512 filters) "
                        + "each ending in 2×2 max pooling, then 4096/4096/1000 Dense layers; one stage per row. "
                        + "A reference for 3×224×224 images; it has no data of its own.",
                b.build(), userDataSettings());
    }

    /**
     * ResNet-18: basic residual blocks with batch norm, 1×1 projection shortcuts; 11,689,512 parameters. Each
     * block is a composite named as in torchvision ({@code layer2_0} is {@code layer2[0]}).
     */
    static Template resnet18() {
        var b = new GraphBuilder().input("image_input", imageNetInput())
                .then("conv2d", conv(64, 7, 2, 3, false)).then("batch_norm").then("relu")
                .then("max_pool2d", pool(3, 2, 1));
        int channels = 64;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < widths.length; stage++) {
            int width = widths[stage];
            if (stage == 2) {
                b.newRow();
            }
            for (int block = 0; block < 2; block++) {
                int stride = block == 0 && width != 64 ? 2 : 1;
                List<Layer> shortcut = new ArrayList<>();
                if (stride != 1 || width != channels) {
                    shortcut.add(Layer.of("conv2d", conv(width, 1, stride, 0, false)));
                    shortcut.add(Layer.of("batch_norm"));
                }
                b.residualBlock("layer" + (stage + 1) + "_" + block, List.of(
                                Layer.of("conv2d", conv(width, 3, stride, 1, false)), Layer.of("batch_norm"),
                                Layer.of("relu"),
                                Layer.of("conv2d", conv(width, 3, 1, 1, false)), Layer.of("batch_norm")),
                        shortcut, List.of(Layer.of("relu")));
                channels = width;
            }
        }
        b.then("global_avg_pool").then("dense", Map.of("units", 1000));
        return new Template(TemplateLibrary.RESNET18, "ResNet-18 (reference, 11.7 M parameters)",
                "He et al.'s residual network: a 7×7 stem, four stages of two basic blocks (3×3 conv, batch "
                        + "norm, ReLU, twice, plus the shortcut; 1×1 conv projections where the shape changes), "
                        + "global average pooling and Dense 1000. Each block is a composite (open it to see "
                        + "inside). A reference for 3×224×224 images; it has no data of its own.",
                b.build(), userDataSettings());
    }
}
