package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Pooling over sequences C×L and images C×H×W, global pooling and upsampling; none has parameters. */
final class PoolingLayers {
    private PoolingLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("max_pool1d", "MaxPool1d", LayerFamily.CONVOLUTION,
                        "Keeps the largest value in each window of k steps of a C×L sequence, shortening it. "
                                + "Kernel 2 with stride 2 halves the length.",
                        windowParams("Window length in steps."), Ports.single(), Ports.OUT, PoolingLayers::pool1d),
                new LayerSpec("avg_pool1d", "AvgPool1d", LayerFamily.CONVOLUTION,
                        "Averages each window of k steps of a C×L sequence (padding counts as zeros), smoothing and "
                                + "shortening it. Kernel 2 with stride 2 halves the length.",
                        windowParams("Window length in steps."), Ports.single(), Ports.OUT, PoolingLayers::pool1d),
                new LayerSpec("avg_pool2d", "AvgPool2d", LayerFamily.CONVOLUTION,
                        "Averages each k×k window of an image (padding counts as zeros), shrinking it more gently "
                                + "than max pooling. 2×2 with stride 2 halves height and width.",
                        windowParams("Window height and width."), Ports.single(), Ports.OUT, PoolingLayers::pool2d),
                new LayerSpec("global_avg_pool", "Global average pooling", LayerFamily.CONVOLUTION,
                        "Averages each channel over all positions: C×H×W or C×L becomes a vector of C. The usual "
                                + "classifier head of modern conv nets; it works for any input size.",
                        List.of(), Ports.single(), Ports.OUT, PoolingLayers::global),
                new LayerSpec("global_max_pool", "Global max pooling", LayerFamily.CONVOLUTION,
                        "Keeps each channel's largest value over all positions: C×H×W or C×L becomes a vector of C. "
                                + "Answers 'does this feature appear anywhere?'.",
                        List.of(), Ports.single(), Ports.OUT, PoolingLayers::global),
                new LayerSpec("upsample", "Upsample", LayerFamily.CONVOLUTION,
                        "Enlarges an image C×H×W by a whole factor, repeating pixels (nearest) or blending neighbours "
                                + "(bilinear). No parameters; with a Conv2d after it, an alternative to a transposed "
                                + "convolution in decoders. Factor 2 is typical.",
                        List.of(new IntParam("scale", "Scale factor", 2, 1, 64, "How many times larger each side becomes."),
                                new ChoiceParam("mode", "Mode", "nearest", List.of("nearest", "bilinear"),
                                        "nearest: copy pixels; bilinear: interpolate (corners not aligned, as PyTorch).")),
                        Ports.single(), Ports.OUT, PoolingLayers::upsample));
    }

    private static List<ParamSpec> windowParams(String kernelHelp) {
        return List.of(new IntParam("kernel", "Kernel", 2, 1, 64, kernelHelp),
                new IntParam("stride", "Stride", 2, 1, 64, "Step between windows."),
                new IntParam("pad", "Pad", 0, 0, 32, "Padding on each side; at most half the kernel."));
    }

    private static int checkedPad(LayerParams p) {
        int k = p.getInt("kernel");
        int pad = p.getInt("pad");
        if (pad * 2 > k) {
            throw new ShapeMismatch("pad " + pad + " is more than half the kernel " + k);
        }
        return pad;
    }

    private static LayerOutput pool1d(LayerParams p, List<Shape> in) {
        Shape x = ConvolutionLayers.requireChannelsAndLength(in.get(0));
        int k = p.getInt("kernel");
        int pad = checkedPad(p);
        int length = ConvolutionLayers.spatial("length", x.dim(1), k, p.getInt("stride"), pad, 1);
        return LayerOutput.of(Shape.of(x.dim(0), length), 0, (long) x.dim(0) * length * k);
    }

    private static LayerOutput pool2d(LayerParams p, List<Shape> in) {
        Shape x = ConvolutionLayers.requireImage(in.get(0));
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int pad = checkedPad(p);
        int h = ConvolutionLayers.spatial("height", x.dim(1), k, s, pad, 1);
        int w = ConvolutionLayers.spatial("width", x.dim(2), k, s, pad, 1);
        return LayerOutput.of(Shape.of(x.dim(0), h, w), 0, (long) x.dim(0) * h * w * k * k);
    }

    private static LayerOutput global(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() != 2 && x.rank() != 3) {
            throw new ShapeMismatch("expects an image C×H×W or a sequence C×L, but got " + x.describe());
        }
        return LayerOutput.of(Shape.of(x.dim(0)), 0, x.size());
    }

    private static LayerOutput upsample(LayerParams p, List<Shape> in) {
        Shape x = ConvolutionLayers.requireImage(in.get(0));
        int scale = p.getInt("scale");
        Shape out = Shape.of(x.dim(0), Math.multiplyExact(x.dim(1), scale), Math.multiplyExact(x.dim(2), scale));
        // Bilinear blends four neighbours per output value; nearest only copies.
        long macs = p.getString("mode").equals("bilinear") ? 4 * out.size() : 0;
        return LayerOutput.of(out, 0, macs);
    }
}
