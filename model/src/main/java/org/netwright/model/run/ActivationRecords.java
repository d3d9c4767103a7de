package org.netwright.model.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.netwright.model.store.MetricPoint;

/**
 * A run's activation statistics as its project file keeps them: three metrics per layer and epoch, keyed
 * {@code activation_mean/NODE}, {@code activation_std/NODE} and {@code activation_zeros/NODE} beside the
 * {@code grad_norm/NODE} norms, so no new table is needed and a file without them (a run trained before they were
 * kept) simply has none. The one place that names these keys, for the writer (the run's recorder) and the readers
 * (a reopened run, the insight window).
 */
public final class ActivationRecords {
    /** Key prefix of a layer's mean output. */
    public static final String MEAN = "activation_mean/";
    /** Key prefix of a layer's output standard deviation. */
    public static final String STD = "activation_std/";
    /** Key prefix of the fraction of a layer's outputs that are exactly zero. */
    public static final String ZEROS = "activation_zeros/";
    /** The prefixes to ask the store for ({@code ProjectStore.metrics(run, prefixes)}). */
    public static final List<String> KEY_PREFIXES = List.of(MEAN, STD, ZEROS);

    private ActivationRecords() {
    }

    /** An epoch's statistics as metric points at {@code step}, layer by layer in the order given. */
    public static List<MetricPoint> points(long step, int epoch, double seconds, Map<String, ActivationStats> stats) {
        List<MetricPoint> out = new ArrayList<>(3 * stats.size());
        stats.forEach((node, s) -> {
            out.add(new MetricPoint(step, epoch, MEAN + node, s.mean(), seconds));
            out.add(new MetricPoint(step, epoch, STD + node, s.std(), seconds));
            out.add(new MetricPoint(step, epoch, ZEROS + node, s.zeros(), seconds));
        });
        return out;
    }

    /**
     * The statistics found among {@code metrics} (other keys are passed over), by epoch and then by layer in the
     * order first met; a measure missing for a layer reads NaN. Empty when the run kept none.
     */
    public static SortedMap<Integer, Map<String, ActivationStats>> byEpoch(List<MetricPoint> metrics) {
        SortedMap<Integer, Map<String, double[]>> raw = new TreeMap<>();
        for (MetricPoint m : metrics) {
            int which = m.key().startsWith(MEAN) ? 0 : m.key().startsWith(STD) ? 1 : m.key().startsWith(ZEROS) ? 2 : -1;
            if (which < 0) {
                continue;
            }
            String node = m.key().substring(KEY_PREFIXES.get(which).length());
            raw.computeIfAbsent(m.epoch(), e -> new LinkedHashMap<>())
                    .computeIfAbsent(node, n -> new double[] {Double.NaN, Double.NaN, Double.NaN})[which] = m.value();
        }
        SortedMap<Integer, Map<String, ActivationStats>> out = new TreeMap<>();
        raw.forEach((epoch, layers) -> {
            Map<String, ActivationStats> stats = new LinkedHashMap<>();
            layers.forEach((node, v) -> stats.put(node, new ActivationStats(v[0], v[1], v[2])));
            out.put(epoch, Collections.unmodifiableMap(stats));
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /** True when {@code key} is one of these statistics. */
    public static boolean isActivationKey(String key) {
        return key.startsWith(MEAN) || key.startsWith(STD) || key.startsWith(ZEROS);
    }
}
