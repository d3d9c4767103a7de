package org.netwright.runner.explain;

import java.util.List;
import org.netwright.model.shape.Shape;

/**
 * Grad-CAM: a conv layer's feature maps weighted by the mean gradient of the score over each map, summed, cut at zero,
 * scaled to 0..1 and stretched (bilinearly) to the input image's size; every input channel gets the same map.
 */
final class GradCam {
    private GradCam() {
    }

    static Attribution of(TrainedNetwork net, float[] input, int target, String layer) {
        Shape in = net.input().shape();
        if (net.tokenInput() || in.rank() != 3) {
            throw new IllegalArgumentException("Grad-CAM draws over images; the input layer '" + net.input().nodeId()
                    + "' gives " + in.describe() + ".");
        }
        if (net.output().shape().rank() != 1) {
            throw new IllegalArgumentException("Grad-CAM explains one score per class; the output layer '"
                    + net.output().nodeId() + "' gives " + net.output().shape().describe() + ".");
        }
        int classes = Math.toIntExact(net.output().shape().size());
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("The class must be from 0 to " + (classes - 1) + "; got " + target + ".");
        }
        String port = layer.contains(".") && !net.layers().contains(layer) ? layer : layer + ".out";
        Shape maps = net.portShape(port);
        if (maps == null || maps.rank() != 3) {
            throw new IllegalArgumentException("Grad-CAM needs a layer whose output is feature maps (channels×height×"
                    + "width); '" + layer + "' gives " + (maps == null ? "nothing" : maps.describe()) + ".");
        }
        float[][] ag = net.portGradient(input, port, target);
        int c = maps.dim(0);
        int h = maps.dim(1);
        int w = maps.dim(2);
        int plane = h * w;
        float[] cam = new float[plane];
        for (int k = 0; k < c; k++) {
            double alpha = 0;
            for (int p = 0; p < plane; p++) {
                alpha += ag[1][k * plane + p];
            }
            alpha /= plane;
            for (int p = 0; p < plane; p++) {
                cam[p] += (float) (alpha * ag[0][k * plane + p]);
            }
        }
        // Cut at zero, then scaled to 0..1 as drawn (as common implementations do): a layer's steady response to
        // empty background adds the same amount everywhere and would otherwise spread the map over the whole image.
        float min = Float.POSITIVE_INFINITY;
        float max = 0;
        for (int p = 0; p < plane; p++) {
            cam[p] = Math.max(0, cam[p]);
            min = Math.min(min, cam[p]);
            max = Math.max(max, cam[p]);
        }
        for (int p = 0; p < plane; p++) {
            cam[p] = max > min ? (cam[p] - min) / (max - min) : 0;
        }
        int ih = in.dim(1);
        int iw = in.dim(2);
        float[] big = resize(cam, h, w, ih, iw);
        float[] out = new float[Math.toIntExact(in.size())];
        for (int ch = 0; ch < in.dim(0); ch++) {
            System.arraycopy(big, 0, out, ch * ih * iw, ih * iw);
        }
        return new Attribution(Attributions.GRADCAM, target, in, out);
    }

    /**
     * The last layer whose output is feature maps (channels×height×width), the usual choice for Grad-CAM: the last
     * conv layer, or the activation or pooling right after it, whose maps the classifier reads.
     */
    static String lastConvLayer(TrainedNetwork net) {
        List<String> layers = net.layers();
        boolean conv = layers.stream().anyMatch(l -> net.layerType(l).equals("conv2d"));
        for (int i = layers.size() - 1; conv && i >= 0; i--) {
            String id = layers.get(i);
            Shape s = net.block().portShape(net.block().portsOf(id).get(0));
            if (!id.equals(net.input().nodeId()) && s != null && s.rank() == 3) {
                return id;
            }
        }
        throw new IllegalArgumentException("Grad-CAM needs a conv2d layer and the network has none; "
                + (org.netwright.runner.data.DataOption.forApp() ? "choose saliency, smoothgrad or integrated-gradients"
                + " instead." : "name another layer whose output is feature maps with --layer."));
    }

    /** Bilinear resize of an h×w map to rows×cols, pixel centres aligned. */
    static float[] resize(float[] map, int h, int w, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int y = 0; y < rows; y++) {
            double sy = Math.min(h - 1, Math.max(0, (y + 0.5) * h / rows - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < cols; x++) {
                double sx = Math.min(w - 1, Math.max(0, (x + 0.5) * w / cols - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * cols + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
