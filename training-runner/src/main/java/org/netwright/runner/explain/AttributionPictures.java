package org.netwright.runner.explain;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.netwright.model.shape.Shape;

/**
 * Attributions drawn for people: a heat map over the image as the network saw it, a bar per feature of a table row
 * (positive to the right in orange, negative to the left in blue), or each token on a background as strong as its
 * attribution. Plain Java2D, no display needed.
 */
public final class AttributionPictures {
    /** The heat map's strongest opacity over the image. */
    public static final double OPACITY = 0.65;
    private static final int MIN_SIDE = 256;
    private static final Color POSITIVE = new Color(230, 120, 20);
    private static final Color NEGATIVE = new Color(40, 110, 200);

    private AttributionPictures() {
    }

    /** The image {@code values} (C×H×W, 1 or 3 channels shown) with the attribution's magnitude as a heat map over it. */
    public static BufferedImage heatMap(float[] values, Shape shape, Attribution a, double opacity) {
        int c = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        int plane = h * w;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // Pixels already in 0..1 are shown as they are; standardized ones are stretched to it.
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        }
        float range = hi > lo ? hi - lo : 1;
        float[] heat = new float[plane];
        float[] attr = a.values();
        float top = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < plane; p++) {
                heat[p] += Math.abs(attr[ch * plane + p]);
            }
        }
        for (float v : heat) {
            top = Math.max(top, v);
        }
        int zoom = Math.max(1, (int) Math.ceil((double) MIN_SIDE / Math.max(h, w)));
        BufferedImage out = new BufferedImage(w * zoom, h * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                double r = (values[p] - lo) / range;
                double g = c >= 3 ? (values[plane + p] - lo) / range : r;
                double b = c >= 3 ? (values[2 * plane + p] - lo) / range : r;
                double t = top > 0 ? heat[p] / top : 0;
                int[] hot = hot(t);
                double alpha = opacity * t;
                int rgb = rgb(mix(r, hot[0], alpha), mix(g, hot[1], alpha), mix(b, hot[2], alpha));
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        out.setRGB(x * zoom + dx, y * zoom + dy, rgb);
                    }
                }
            }
        }
        return out;
    }

    /** One bar per feature, named, signed: the attribution of a table row. */
    public static BufferedImage bars(List<String> names, float[] values) {
        int rowHeight = 22;
        int labelWidth = 160;
        int barWidth = 400;
        BufferedImage out = new BufferedImage(labelWidth + barWidth + 90, 20 + rowHeight * values.length,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(out);
        try {
            float top = 0;
            for (float v : values) {
                top = Math.max(top, Math.abs(v));
            }
            int mid = labelWidth + barWidth / 2;
            g.setColor(Color.GRAY);
            g.drawLine(mid, 5, mid, out.getHeight() - 5);
            for (int i = 0; i < values.length; i++) {
                int y = 10 + i * rowHeight;
                int len = top > 0 ? Math.round(Math.abs(values[i]) / top * (barWidth / 2f - 4)) : 0;
                g.setColor(values[i] >= 0 ? POSITIVE : NEGATIVE);
                g.fillRect(values[i] >= 0 ? mid : mid - len, y + 3, len, rowHeight - 6);
                g.setColor(Color.BLACK);
                g.drawString(fit(g, names.size() > i ? names.get(i) : "feature " + i, labelWidth - 10), 8, y + 15);
                g.drawString(String.format(java.util.Locale.ROOT, "%.3g", values[i]), labelWidth + barWidth + 6, y + 15);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The tokens in reading order, each on a background as strong as its attribution (orange +, blue -). */
    public static BufferedImage tokens(List<String> tokens, float[] values) {
        int width = 720;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D m = start(probe);
        FontMetrics fm = m.getFontMetrics();
        int lineHeight = fm.getHeight() + 8;
        int x = 8;
        int lines = 1;
        int[][] at = new int[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            int tw = fm.stringWidth(shown(tokens.get(i))) + 6;
            if (x + tw > width - 8 && x > 8) {
                x = 8;
                lines++;
            }
            at[i] = new int[] {x, 6 + (lines - 1) * lineHeight, tw};
            x += tw + 2;
        }
        m.dispose();
        BufferedImage out = new BufferedImage(width, 12 + lines * lineHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(out);
        try {
            float top = 0;
            for (float v : values) {
                top = Math.max(top, Math.abs(v));
            }
            for (int i = 0; i < tokens.size(); i++) {
                float v = i < values.length ? values[i] : 0;
                double t = top > 0 ? Math.abs(v) / top : 0;
                Color base = v >= 0 ? POSITIVE : NEGATIVE;
                g.setColor(new Color(rgb(mix(1, base.getRed(), t), mix(1, base.getGreen(), t), mix(1, base.getBlue(), t))));
                g.fillRect(at[i][0], at[i][1], at[i][2], lineHeight - 4);
                g.setColor(Color.BLACK);
                g.drawString(shown(tokens.get(i)), at[i][0] + 3, at[i][1] + lineHeight - 10);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String shown(String token) {
        return token.replace("\n", "⏎").replace("\t", "⇥").replace(" ", "·");
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Black-red-yellow-white, from 0 to 1, as 0..255 components. */
    private static int[] hot(double t) {
        double r = Math.min(1, t * 2.5);
        double g = Math.max(0, Math.min(1, t * 2.5 - 1));
        double b = Math.max(0, Math.min(1, t * 2.5 - 2));
        return new int[] {(int) (r * 255), (int) (g * 255), (int) (b * 255)};
    }

    /** {@code base} (0..1) moved towards {@code target} (0..255) by {@code t}, as 0..255. */
    private static int mix(double base, int target, double t) {
        double b = Math.max(0, Math.min(1, base)) * 255;
        return (int) Math.round(b + (target - b) * Math.max(0, Math.min(1, t)));
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
