package org.netwright.editor.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.editor.Formats;
import org.netwright.model.catalog.ConvolutionLayers;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.shape.Shape;

/**
 * The output-size and parameter-count arithmetic of convolutions (1-D, 2-D, transposed) and windowed
 * pooling, written out with the node's numbers so a student can follow it:
 * out = floor((in + 2·pad − dilation·(kernel−1) − 1) / stride) + 1, and for a transposed convolution
 * out = (in − 1)·stride − 2·pad + kernel + output_padding. For 1-D layers outWidth is 1.
 * The padding rule and the size arithmetic are the model's own ({@link ConvolutionLayers}).
 */
public record ConvFormula(int outHeight, int outWidth, long params, List<String> lines) {
    public ConvFormula {
        lines = List.copyOf(lines);
    }

    static final String SIZE_RULE = "out = floor((in + 2·pad − dilation·(kernel−1) − 1) / stride) + 1";
    static final String PARAM_RULE = "params = kernel·kernel·in_channels·filters + filters";
    static final String PARAM_RULE_1D = "params = kernel·in_channels·filters + filters";
    static final String TRANSPOSED_RULE = "out = (in − 1)·stride − 2·pad + kernel + output_padding";

    /** The worked formula for a convolution or windowed pooling fed the right rank; empty otherwise. */
    public static Optional<ConvFormula> of(String layerType, LayerParams p, Shape input) {
        if (input == null) {
            return Optional.empty();
        }
        int rank = input.rank();
        return switch (layerType) {
            case "conv2d" -> rank == 3 ? Optional.of(conv(p, input)) : Optional.empty();
            case "max_pool2d", "avg_pool2d" -> rank == 3 ? Optional.of(pool(p, input)) : Optional.empty();
            case "conv_transpose2d" -> rank == 3 ? Optional.of(transposed(p, input)) : Optional.empty();
            case "conv1d" -> rank == 2 ? Optional.of(conv1d(p, input)) : Optional.empty();
            case "max_pool1d", "avg_pool1d" -> rank == 2 ? Optional.of(pool1d(p, input)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static ConvFormula conv1d(LayerParams p, Shape x) {
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int d = p.getInt("dilation");
        int f = p.getInt("filters");
        int pad = ConvolutionLayers.padding(p);
        List<String> lines = new ArrayList<>();
        lines.add(SIZE_RULE);
        lines.add("");
        int length = size(lines, "length", x.dim(1), k, s, pad, d);
        long params = weightLines(lines, PARAM_RULE_1D, String.valueOf(k), k, x.dim(0), f, p.getBool("bias"));
        return new ConvFormula(length, 1, params, lines);
    }

    private static ConvFormula pool1d(LayerParams p, Shape x) {
        int k = p.getInt("kernel");
        List<String> lines = new ArrayList<>();
        lines.add(SIZE_RULE);
        lines.add("");
        int length = size(lines, "length", x.dim(1), k, p.getInt("stride"), p.getInt("pad"), 1);
        lines.add("");
        lines.add("params = 0: pooling has no weights");
        return new ConvFormula(length, 1, 0, lines);
    }

    private static ConvFormula transposed(LayerParams p, Shape x) {
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int pad = p.getInt("pad");
        int extra = p.getInt("output_padding");
        int f = p.getInt("filters");
        List<String> lines = new ArrayList<>();
        lines.add(TRANSPOSED_RULE);
        lines.add("");
        int h = ConvolutionLayers.transposedOutputSize(x.dim(1), k, s, pad, extra);
        lines.add("height = (" + x.dim(1) + " − 1)·" + s + " − 2·" + pad + " + " + k + " + " + extra);
        lines.add("= " + h);
        int w = ConvolutionLayers.transposedOutputSize(x.dim(2), k, s, pad, extra);
        if (x.dim(2) == x.dim(1)) {
            lines.add("width = height = " + w);
        } else {
            lines.add("width = (" + x.dim(2) + " − 1)·" + s + " − 2·" + pad + " + " + k + " + " + extra);
            lines.add("= " + w);
        }
        long params = weightLines(lines, PARAM_RULE, k + "·" + k, (long) k * k, x.dim(0), f, p.getBool("bias"));
        return new ConvFormula(h, w, params, lines);
    }

    private static ConvFormula conv(LayerParams p, Shape x) {
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int d = p.getInt("dilation");
        int f = p.getInt("filters");
        int pad = ConvolutionLayers.padding(p);
        List<String> lines = new ArrayList<>();
        lines.add(SIZE_RULE);
        lines.add("");
        int h = size(lines, "height", x.dim(1), k, s, pad, d);
        int w = width(lines, x, k, s, pad, d);
        long params = weightLines(lines, PARAM_RULE, k + "·" + k, (long) k * k, x.dim(0), f, p.getBool("bias"));
        return new ConvFormula(h, w, params, lines);
    }

    private static ConvFormula pool(LayerParams p, Shape x) {
        int k = p.getInt("kernel");
        int s = p.getInt("stride");
        int pad = p.getInt("pad");
        List<String> lines = new ArrayList<>();
        lines.add(SIZE_RULE);
        lines.add("");
        int h = size(lines, "height", x.dim(1), k, s, pad, 1);
        int w = width(lines, x, k, s, pad, 1);
        lines.add("");
        lines.add("params = 0: pooling has no weights");
        return new ConvFormula(h, w, 0, lines);
    }

    /** Writes the parameter rule with the numbers filled in and returns the count. */
    private static long weightLines(List<String> lines, String rule, String kernelText, long kernelSize, int inChannels,
                                    int filters, boolean hasBias) {
        long weights = kernelSize * inChannels * filters;
        long bias = hasBias ? filters : 0;
        lines.add("");
        lines.add(rule);
        lines.add("= " + kernelText + "·" + inChannels + "·" + filters + " + " + bias
                + (bias == 0 ? " (no bias)" : "") + " = " + Formats.count(weights + bias));
        return weights + bias;
    }

    /** Square images are the common case; writing the same sum twice would only add noise. */
    private static int width(List<String> lines, Shape x, int k, int s, int pad, int d) {
        if (x.dim(2) == x.dim(1)) {
            int out = ConvolutionLayers.outputSize(x.dim(2), k, s, pad, d);
            lines.add("width = height = " + out);
            return out;
        }
        return size(lines, "width", x.dim(2), k, s, pad, d);
    }

    private static int size(List<String> lines, String axis, int in, int k, int s, int pad, int d) {
        int out = ConvolutionLayers.outputSize(in, k, s, pad, d);
        // The result goes on a line of its own so the sum never wraps in a narrow inspector.
        lines.add(axis + " = floor((" + in + " + 2·" + pad + " − " + d + "·(" + k + "−1) − 1) / " + s + ") + 1");
        lines.add("= " + out);
        return out;
    }
}
