package org.netwright.app.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netwright.model.run.HealthRules;
import org.netwright.model.run.RunWarning;
import org.netwright.model.store.MetricPoint;

/**
 * A run's per-layer gradient norms as a grid, layers down and epochs across, read from the {@code grad_norm/NODE}
 * metrics its epochs recorded or from a live run's epoch events; each cell is judged by {@link HealthRules#gradients} (the thresholds the run's own
 * warnings use), so a vanishing or exploding layer is marked where the run warned. Plain data, no JavaFX.
 */
public final class GradientHeatMap {
    /** What a cell says about its layer at its epoch. */
    public enum Health { NONE, HEALTHY, VANISHING, EXPLODING }

    private static final String PREFIX = "grad_norm/";
    private final long run;
    private final List<String> layers;
    private final List<Integer> epochs;
    private final double[][] norms;
    private final Health[][] health;

    private GradientHeatMap(long run, List<String> layers, List<Integer> epochs, double[][] norms, Health[][] health) {
        this.run = run;
        this.layers = List.copyOf(layers);
        this.epochs = List.copyOf(epochs);
        this.norms = norms;
        this.health = health;
    }

    /** The heat map of run {@code run} from its stored metrics (layers in the order they were recorded). */
    public static GradientHeatMap of(long run, List<MetricPoint> metrics) {
        SortedMap<Integer, Map<String, Double>> byEpoch = new TreeMap<>();
        for (MetricPoint p : metrics) {
            if (p.key().startsWith(PREFIX)) {
                byEpoch.computeIfAbsent(p.epoch(), k -> new LinkedHashMap<>())
                        .put(p.key().substring(PREFIX.length()), p.value());
            }
        }
        return ofEpochs(run, byEpoch);
    }

    /**
     * The heat map of run {@code run} from each epoch's gradient norms (epoch to node id to norm, as the epoch events
     * of a live run carry them); layers in the order they first appear.
     */
    public static GradientHeatMap ofEpochs(long run, SortedMap<Integer, Map<String, Double>> normsByEpoch) {
        Set<String> layerSet = new LinkedHashSet<>();
        normsByEpoch.values().forEach(m -> layerSet.addAll(m.keySet()));
        List<String> layers = new ArrayList<>(layerSet);
        List<Integer> epochs = new ArrayList<>(normsByEpoch.keySet());
        double[][] norms = new double[layers.size()][epochs.size()];
        Health[][] health = new Health[layers.size()][epochs.size()];
        Map<String, Double> first = new LinkedHashMap<>();
        for (int e = 0; e < epochs.size(); e++) {
            Map<String, Double> measured = normsByEpoch.get(epochs.get(e));
            Map<String, Double> atEpoch = new LinkedHashMap<>();
            for (int l = 0; l < layers.size(); l++) {
                Double v = measured.get(layers.get(l));
                norms[l][e] = v == null ? Double.NaN : v;
                health[l][e] = v == null || !Double.isFinite(v) ? Health.NONE : Health.HEALTHY;
                if (v != null) {
                    atEpoch.put(layers.get(l), v);
                }
            }
            for (RunWarning w : HealthRules.gradients(atEpoch, first)) {
                int l = layers.indexOf(w.node());
                if (l >= 0) {
                    health[l][e] = RunWarning.VANISHING_GRADIENTS.equals(w.kind()) ? Health.VANISHING
                            : Health.EXPLODING;
                }
            }
            atEpoch.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    first.putIfAbsent(k, v);
                }
            });
        }
        return new GradientHeatMap(run, layers, epochs, norms, health);
    }

    public long run() {
        return run;
    }

    /** The layers that had gradients, top to bottom. */
    public List<String> layers() {
        return layers;
    }

    /** The epochs measured, left to right. */
    public List<Integer> epochs() {
        return epochs;
    }

    public boolean isEmpty() {
        return layers.isEmpty() || epochs.isEmpty();
    }

    /** Layer {@code l}'s gradient norm at epoch column {@code e}; NaN where not measured. */
    public double norm(int l, int e) {
        return norms[l][e];
    }

    /** What the health rules say of layer {@code l} at epoch column {@code e}. */
    public Health health(int l, int e) {
        return health[l][e];
    }

    /** The smallest and largest finite positive log10 norm, the colour scale's ends ({NaN, NaN} when none). */
    public double[] logRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : norms) {
            for (double v : row) {
                if (Double.isFinite(v) && v > 0) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** The layers marked {@code kind} at some epoch, in layer order. */
    public List<String> layersMarked(Health kind) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int e = 0; e < epochs.size(); e++) {
                if (health[l][e] == kind) {
                    out.add(layers.get(l));
                    break;
                }
            }
        }
        return out;
    }

    /** The verdict in words: which layers vanish or explode and at which epochs, or that none did. */
    public String summary() {
        if (isEmpty()) {
            return "Run " + run + " recorded no gradient norms (runs record them at the end of each epoch).";
        }
        List<String> parts = new ArrayList<>();
        for (Health kind : List.of(Health.VANISHING, Health.EXPLODING)) {
            List<String> named = layersMarked(kind);
            if (!named.isEmpty()) {
                parts.add((kind == Health.VANISHING ? "Vanishing gradients in " : "Exploding gradients in ")
                        + names(named) + " (" + epochsMarked(kind) + ")");
            }
        }
        String head = String.format(Locale.ROOT, "Run %d: gradient norms of %d layers over %d epoch%s. ", run,
                layers.size(), epochs.size(), epochs.size() == 1 ? "" : "s");
        return head + (parts.isEmpty() ? "No layer's gradients vanished or exploded." : String.join("; ", parts) + ".");
    }

    private static String names(List<String> named) {
        return named.size() <= 6 ? String.join(", ", named)
                : String.join(", ", named.subList(0, 6)) + " and " + (named.size() - 6) + " more";
    }

    private String epochsMarked(Health kind) {
        TreeSet<Integer> at = new TreeSet<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int e = 0; e < epochs.size(); e++) {
                if (health[l][e] == kind) {
                    at.add(epochs.get(e));
                }
            }
        }
        return at.size() == 1 ? "epoch " + at.first() : at.first().equals(at.last()) ? "epoch " + at.first()
                : "epochs " + at.first() + "–" + at.last();
    }
}
