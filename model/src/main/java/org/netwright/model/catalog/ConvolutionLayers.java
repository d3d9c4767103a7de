package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Convolutions over sequences C×L and images C×H×W (transposed too), and 2-D max pooling. */
public final class ConvolutionLayers {
    static final List<String> PADDING = List.of("valid", "same", "explicit");
    private static final IntParam GROUPS = new IntParam("groups", "Groups", 1, 1, 65536,
            "Splits the channels into this many groups, each seen only by its own share of the filters; one group per "
                    + "channel is a depthwise convolution. Channels and filters must divide by it.");

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
                                new BoolParam("bias", "Bias", true, "Add a learned offset per filter."),
                                GROUPS),
                        Ports.single(), Ports.OUT, ConvolutionLayers::conv2d),
                new LayerSpec("max_pool2d", "MaxPool2d", LayerFamily.CONVOLUTION,
                        "Keeps the largest value in each k×k window, shrinking the image and making features tolerant "
                                + "of small shifts. 2×2 with stride 2 halves height and width.",
                        List.of(new IntParam("kernel", "Kernel", 2, 1, 64, "Window height and width."),
                                new IntParam("stride", "Stride", 2, 1, 64, "Step between windows."),
                                new IntParam("pad", "Pad", 0, 0, 32, "Padding on each side.")),
                        Ports.single(), Ports.OUT, ConvolutionLayers::maxPool2d),
                new LayerSpec("conv1d", "Conv1d", LayerFamily.CONVOLUTION,
                        "Slides learned filters of k steps along a sequence stored channels first (C×L, as PyTorch "
                                + "does); each filter makes one output channel. Use it for audio, sensor or text "
                                + "features; kernel 3 to 7 with 16 to 128 filters.",
                        List.of(new IntParam("filters", "Filters", 16, 1, 65536, "Output channels, one per learned filter."),
                                new IntParam("kernel", "Kernel", 3, 1, 1024, "Filter length in steps."),
                                new IntParam("stride", "Stride", 1, 1, 1024, "Step between filter positions."),
                                new ChoiceParam("padding", "Padding", "same", PADDING,
                                        "valid: no padding; same: keep the length (stride 1); explicit: the Pad value."),
                                new IntParam("pad", "Pad", 0, 0, 1024, "Zeros added at each end when Padding is explicit."),
                                new IntParam("dilation", "Dilation", 1, 1, 1024, "Spacing between filter taps."),
                                new BoolParam("bias", "Bias", true, "Add a learned offset per filter."),
                                GROUPS),
                        Ports.single(), Ports.OUT, ConvolutionLayers::conv1d),
                new LayerSpec("conv_transpose2d", "ConvTranspose2d", LayerFamily.CONVOLUTION,
                        "The reverse of a strided convolution: spreads every input pixel through a learned k×k filter "
                                + "onto a larger image, out = (in − 1)·stride − 2·pad + kernel + output padding. "
                                + "Upsamples in DCGAN generators and U-Net decoders; kernel 4, stride 2, pad 1 doubles the size.",
                        List.of(new IntParam("filters", "Filters", 16, 1, 65536, "Output channels."),
                                new IntParam("kernel", "Kernel", 4, 1, 64, "Filter height and width."),
                                new IntParam("stride", "Stride", 2, 1, 64, "Spacing of the input pixels in the output."),
                                new IntParam("pad", "Pad", 1, 0, 64, "Rows and columns cut from each border of the output."),
                                new IntParam("output_padding", "Output padding", 0, 0, 63,
                                        "Extra rows and columns at the bottom and right; must be below the stride."),
                                new BoolParam("bias", "Bias", true, "Add a learned offset per filter.")),
                        Ports.single(), Ports.OUT, ConvolutionLayers::convTranspose2d));
    }

    /** out = (in − 1)·stride − 2·pad + kernel + outputPadding, the size a transposed convolution makes. */
    public static int transposedOutputSize(int in, int kernel, int stride, int pad, int outputPadding) {
        return (in - 1) * stride - 2 * pad + kernel + outputPadding;
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

    static Shape requireImage(Shape x) {
        if (x.rank() != 3) {
            throw new ShapeMismatch("expects an image shaped C×H×W, but got " + x.describe());
        }
        return x;
    }

    static int spatial(String axis, int in, int k, int s, int pad, int d) {
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
        long perFilter = (long) k * k * groupChannels(p, x.dim(0), f);
        long params = perFilter * f + (p.getBool("bias") ? f : 0);
        return LayerOutput.of(Shape.of(f, h, w), params, perFilter * f * h * w);
    }

    /** The input channels each filter sees: all of them, or those of its group. */
    private static int groupChannels(LayerParams p, int channels, int filters) {
        int g = p.getInt("groups");
        if (channels % g != 0 || filters % g != 0) {
            throw new ShapeMismatch("splits " + channels + " channels and " + filters + " filters into " + g
                    + " groups; both must divide by it");
        }
        return channels / g;
    }

    static Shape requireChannelsAndLength(Shape x) {
        if (x.rank() != 2) {
            throw new ShapeMismatch("expects a sequence shaped C×L (channels first), but got " + x.describe());
        }
        return x;
    }

    private static LayerOutput conv1d(LayerParams p, List<Shape> in) {
        Shape x = requireChannelsAndLength(in.get(0));
        int k = p.getInt("kernel");
        int f = p.getInt("filters");
        int length = spatial("length", x.dim(1), k, p.getInt("stride"), padding(p), p.getInt("dilation"));
        long perFilter = (long) k * groupChannels(p, x.dim(0), f);
        long params = perFilter * f + (p.getBool("bias") ? f : 0);
        return LayerOutput.of(Shape.of(f, length), params, perFilter * f * length);
    }

    private static LayerOutput convTranspose2d(LayerParams p, List<Shape> in) {
        Shape x = requireImage(in.get(0));
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int pad = p.getInt("pad");
        int extra = p.getInt("output_padding");
        if (extra >= s) {
            throw new ShapeMismatch("needs an output padding below the stride " + s + ", but got " + extra);
        }
        int h = transposedOutputSize(x.dim(1), k, s, pad, extra);
        int w = transposedOutputSize(x.dim(2), k, s, pad, extra);
        if (h < 1 || w < 1) {
            throw new ShapeMismatch("cuts more than it makes: " + x.describe() + " with kernel " + k + ", stride " + s
                    + " and pad " + pad + " gives " + h + "×" + w);
        }
        int f = p.getInt("filters");
        long weights = (long) x.dim(0) * f * k * k;
        long params = weights + (p.getBool("bias") ? f : 0);
        return LayerOutput.of(Shape.of(f, h, w), params, weights * x.dim(1) * x.dim(2));
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
