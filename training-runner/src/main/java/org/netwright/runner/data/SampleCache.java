package org.netwright.runner.data;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded samples kept by index, least recently used dropped first, never holding more than a budget of bytes
 * (4 per value): the bounded memory of a lazily read image folder. Safe for several threads.
 */
final class SampleCache {
    private final long budgetBytes;
    private final LinkedHashMap<Integer, float[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long peakBytes;
    private long hits;
    private long misses;

    SampleCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("A cache budget cannot be negative; got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The sample's values, or null when they are not kept; counts a hit or a miss. */
    synchronized float[] get(int index) {
        float[] v = entries.get(index);
        if (v == null) {
            misses++;
        } else {
            hits++;
        }
        return v;
    }

    /** Whether the sample is kept, without counting or refreshing it. */
    synchronized boolean contains(int index) {
        return entries.containsKey(index);
    }

    /** Keeps the sample, dropping the least recently used ones until it fits; one larger than the budget is not kept. */
    synchronized void put(int index, float[] values) {
        long size = (long) values.length * Float.BYTES;
        if (size > budgetBytes) {
            return;
        }
        float[] old = entries.remove(index);
        if (old != null) {
            bytes -= (long) old.length * Float.BYTES;
        }
        Iterator<Map.Entry<Integer, float[]>> eldest = entries.entrySet().iterator();
        while (bytes + size > budgetBytes && eldest.hasNext()) {
            bytes -= (long) eldest.next().getValue().length * Float.BYTES;
            eldest.remove();
        }
        entries.put(index, values);
        bytes += size;
        peakBytes = Math.max(peakBytes, bytes);
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** The most bytes the cache ever held at once. */
    synchronized long peakBytes() {
        return peakBytes;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
