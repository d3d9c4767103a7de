package org.netwright.editor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netwright.model.shape.Shape;

/** How numbers and shapes are written for people: "1,216 params", "16×32×32". */
public final class Formats {
    private Formats() {
    }

    /** A count with thousands separators; US grouping so every machine shows the same text. */
    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    public static String params(long n) {
        return count(n) + (n == 1 ? " param" : " params");
    }

    /**
     * Multiply-accumulates, short enough for a card: "640 MACs", "12.3 K MACs", "1.2 M MACs",
     * "3.4 G MACs" (decimal prefixes, as papers quote them).
     */
    public static String macs(long n) {
        if (n < 1_000) {
            return n + (n == 1 ? " MAC" : " MACs");
        }
        String[] prefixes = {"K", "M", "G", "T"};
        double v = n;
        int i = -1;
        while (v >= 999.95 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.US, "%.1f %s MACs", v, prefixes[i]);
    }

    /** The shapes on a node's output ports in port order, joined; "?" when none is known. */
    public static String outputs(List<String> ports, Map<String, Shape> shapes) {
        StringBuilder sb = new StringBuilder();
        for (String port : ports) {
            Shape s = shapes.get(port);
            if (s != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s);
            }
        }
        return sb.length() == 0 ? "?" : sb.toString();
    }
}
