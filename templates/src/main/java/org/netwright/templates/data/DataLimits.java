package org.netwright.templates.data;

import java.util.Locale;

/**
 * How much data one run may hold in memory, checked before anything is read or allocated, so that a huge
 * file, a device, or a generator asked for two billion samples is refused in a sentence instead of ending in
 * an OutOfMemoryError: at most a quarter of the Java heap for the values, and never more than one Java array
 * can hold.
 */
public final class DataLimits {
    private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    private DataLimits() {
    }

    /** The most float values one data set may hold in this JVM. */
    public static long maxValues() {
        return Math.min(ARRAY_LIMIT, Runtime.getRuntime().maxMemory() / 4 / Float.BYTES);
    }

    /** The most bytes a data file may have: a file is read whole and costs about as much again as values. */
    public static long maxFileBytes() {
        return Math.min(ARRAY_LIMIT, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Why {@code values} floats for {@code what} are too many, or null when they fit. */
    public static String whyTooMany(String what, double values) {
        long max = maxValues();
        if (values <= max) {
            return null;
        }
        return what + " would hold " + count(values) + " values (" + size(values * Float.BYTES) + "); this Java holds at"
                + " most " + count(max) + " (" + size(max * (double) Float.BYTES) + "): use less data, or give Java more"
                + " memory (-Xmx).";
    }

    /** "1,234,567" for a count that may exceed a long. */
    public static String count(double n) {
        return n < 1e18 ? String.format(Locale.ROOT, "%,d", (long) n) : String.format(Locale.ROOT, "%.3g", n);
    }

    /** "512 MB" for a number of bytes. */
    public static String size(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return (u == 0 ? String.format(Locale.ROOT, "%.0f", bytes) : String.format(Locale.ROOT, "%.1f", bytes)) + " "
                + units[u];
    }
}
