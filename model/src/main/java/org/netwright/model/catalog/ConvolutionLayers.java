package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** 2-D convolution and max pooling over images shaped C×H×W. */
public final class ConvolutionLayers {
    static final List<String> PADDING = List.of("valid", "same", "explicit");

    private ConvolutionLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("conv2d", "Conv2d", LayerFamily.CONVOLUTION,
                        "Slides learned k×k filters over the image; each filter makes one output channel that lights up "
                                + "where its pattern appears. Use stacks of 3×3 filters with 16 to 256 channels for images.",
                        List.of(new IntParam("filters", "Filters", 16, 1, 65536, "Output channels, one per learned filter."),
                                new IntParam("kernel", "Kernel", 3, 1, 64, "Filter height and width."),
                                new IntParam("stride", "Stride", 1, 1, 64, "Step between filter positions."),
                                new ChoiceParam("padding", "Padding", "same", PADDING,
                                        "valid: no padding; same: keep the size (stride 1); explicit: the Pad value."),
                                new IntParam("pad", "Pad", 0, 0, 64, "Zeros added on each side when Padding is explicit."),
                                new IntParam("dilation", "Dilation", 1, 1, 64, "Spacing between filter taps."),
                                new BoolParam("bias", "Bias", true, "Add a learned offset per filter.")),
                        Ports.single(), Ports.OUT, ConvolutionLayers::conv2d),
                new LayerSpec("max_pool2d", "MaxPool2d", LayerFamily.CONVOLUTION,
                        "Keeps the largest value in each k×k window, shrinking the image and making features tolerant "
                                + "of small shifts. 2×2 with stride 2 halves height and width.",
                        List.of(new IntParam("kernel", "Kernel", 2, 1, 64, "Window height and width."),
                                new IntParam("stride", "Stride", 2, 1, 64, "Step between windows."),
                                new IntParam("pad", "Pad", 0, 0, 32, "Padding on each side.")),
                        Ports.single(), Ports.OUT, ConvolutionLayers::maxPool2d));
    }

    /** Padding on each side for a layer's padding choice. */
    public static int padding(LayerParams p) {
        int k = p.getInt("kernel");
        int d = p.getInt("dilation");
        return switch (p.getString("padding")) {
            case "valid" -> 0;
            case "same" -> {
                int reach = d * (k - 1);
                if (reach % 2 != 0) {
                    throw new ShapeMismatch("'same' padding needs an odd kernel (got " + k + "); use explicit padding");
                }
                yield reach / 2;
            }
            default -> p.getInt("pad");
        };
    }

    /** out = floor((in + 2·pad − dilation·(kernel−1) − 1) / stride) + 1. */
    public static int outputSize(int in, int kernel, int stride, int pad, int dilation) {
        return Math.floorDiv(in + 2 * pad - dilation * (kernel - 1) - 1, stride) + 1;
    }

    private static Shape requireImage(Shape x) {
        if (x.rank() != 3) {
            throw new ShapeMismatch("expects an image shaped C×H×W, but got " + x.describe());
        }
        return x;
    }

    private static int spatial(String axis, int in, int k, int s, int pad, int d) {
        int out = outputSize(in, k, s, pad, d);
        if (out < 1) {
            throw new ShapeMismatch("the " + axis + " of " + in + " is too small for a kernel of " + k
                    + " with padding " + pad + " and dilation " + d);
        }
        return out;
    }

    private static LayerOutput conv2d(LayerParams p, List<Shape> in) {
        Shape x = requireImage(in.get(0));
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int d = p.getInt("dilation");
        int pad = padding(p);
        int f = p.getInt("filters");
        int h = spatial("height", x.dim(1), k, s, pad, d);
        int w = spatial("width", x.dim(2), k, s, pad, d);
        long perFilter = (long) k * k * x.dim(0);
        long params = perFilter * f + (p.getBool("bias") ? f : 0);
        return LayerOutput.of(Shape.of(f, h, w), params, perFilter * f * h * w);
    }

    private static LayerOutput maxPool2d(LayerParams p, List<Shape> in) {
        Shape x = requireImage(in.get(0));
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int pad = p.getInt("pad");
        if (pad * 2 > k) {
            throw new ShapeMismatch("pad " + pad + " is more than half the kernel " + k);
        }
        int h = spatial("height", x.dim(1), k, s, pad, 1);
        int w = spatial("width", x.dim(2), k, s, pad, 1);
        return LayerOutput.of(Shape.of(x.dim(0), h, w), 0, (long) x.dim(0) * h * w * k * k);
    }
}
