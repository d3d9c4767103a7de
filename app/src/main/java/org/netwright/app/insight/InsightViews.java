package org.netwright.app.insight;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.task.NetworkKind;

/**
 * Which of the insight window's views apply to a run, and why each other one does not: the one reading behind the
 * window's tabs (only the views that apply are shown) and the Layers tab's choices (only what some layer offers).
 * A classifier or a regression gets its test part, file predictions, layers, gradients and activations; an
 * autoencoder its reconstructions and, with a code layer, interpolation; a VAE those and generated samples; a GAN its
 * generated samples and gradients; a run trained on graphs its gradients.
 */
public final class InsightViews {
    /** A view of the insight window, as its tab is titled and identified. */
    public enum View {
        TEST_PART("Test part", "tab-test"),
        PREDICT("Predict a file", "tab-predict"),
        LAYERS("Layers", "tab-layers"),
        GRADIENTS("Gradients", "tab-gradients"),
        ACTIVATIONS("Activations", "tab-activations"),
        AUTOENCODER("Autoencoder", "tab-autoencoder"),
        GENERATED("Generated", "tab-generated"),
        INTERPOLATION("Interpolation", "tab-interpolation");

        private final String title;
        private final String id;

        View(String title, String id) {
            this.title = title;
            this.id = id;
        }

        /** The tab's title. */
        public String title() {
            return title;
        }

        /** The tab's CSS id. */
        public String id() {
            return id;
        }
    }

    /** The layer views a layer can offer, in the order the Layers tab lists them; neighbours have their own row. */
    private static final List<String> MAP_VIEWS = List.of("filters", "feature-maps", "attention");
    private static final String READING_LAYERS = "The network's layers are being read.";
    private final Map<View, String> whyNot;

    private InsightViews(Map<View, String> whyNot) {
        this.whyNot = whyNot;
    }

    /**
     * The views of run {@code n}; {@code layers} is the network's layers with what each offers, or null while they
     * have not been read (the Layers tab waits for them).
     */
    public static InsightViews of(InsightData.RunNature n, List<InsightData.Layer> layers) {
        Map<View, String> why = new EnumMap<>(View.class);
        String run = "Run " + n.run();
        boolean gan = n.family().equals("GAN");
        boolean vae = n.family().equals("VAE");
        boolean rebuilds = vae || n.task().equals(NetworkKind.RECONSTRUCTION);
        if (n.onGraphs()) {
            String reason = run + " trained on graphs; this view reads runs trained on samples.";
            for (View v : View.values()) {
                if (v != View.GRADIENTS) {
                    why.put(v, reason);
                }
            }
            return new InsightViews(why);
        }
        if (gan) {
            String noTestPart = run + " trained a GAN, which keeps no test part to score or run through its layers.";
            why.put(View.TEST_PART, noTestPart);
            why.put(View.PREDICT, run + " trained a GAN, which scores no files: its generator draws samples"
                    + " (Generated).");
            why.put(View.LAYERS, noTestPart);
            why.put(View.ACTIVATIONS, noTestPart);
            why.put(View.AUTOENCODER, run + " trained a GAN, which rebuilds no input.");
            why.put(View.INTERPOLATION, run + " trained a GAN, which has no encoder to place two samples.");
            return new InsightViews(why);
        }
        if (rebuilds) {
            String rebuilt = run + " trained " + (vae ? "a VAE" : "an autoencoder") + ", which rebuilds its input"
                    + " rather than scoring classes or values: its reconstructions are under Autoencoder.";
            why.put(View.TEST_PART, rebuilt);
            why.put(View.PREDICT, rebuilt);
            if (!vae) {
                why.put(View.GENERATED, run + " trained a plain autoencoder, which draws nothing from noise (a VAE"
                        + " does).");
            }
            if (!vae && !n.codeLayer()) {
                why.put(View.INTERPOLATION, run + "'s network has no layer giving a vector between its input and its"
                        + " output to walk between two samples.");
            }
        } else {
            why.put(View.AUTOENCODER, run + "'s network does not rebuild its input (an autoencoder or a VAE does).");
            why.put(View.GENERATED, run + "'s network draws no samples from noise (a GAN or a VAE does).");
            why.put(View.INTERPOLATION, run + "'s network has no code to walk between two samples (a VAE or an"
                    + " autoencoder has).");
        }
        if (layers == null) {
            why.put(View.LAYERS, READING_LAYERS);
        } else if (mapViews(layers).isEmpty() && !offersNeighbours(layers)) {
            why.put(View.LAYERS, run + "'s network has no conv, attention or embedding layer to look into.");
        }
        return new InsightViews(why);
    }

    /** Whether the Layers tab waits only for the network's layers to be read (they decide whether it applies). */
    public boolean awaitsLayers() {
        return READING_LAYERS.equals(whyNot.get(View.LAYERS));
    }

    /**
     * The view a window on this run opens with: the test part, else an autoencoder's reconstructions, else the
     * generated samples, else the first that applies.
     */
    public View first() {
        for (View v : List.of(View.TEST_PART, View.AUTOENCODER, View.GENERATED)) {
            if (applies(v)) {
                return v;
            }
        }
        return shown().get(0);
    }

    /** Whether {@code v} applies to the run. */
    public boolean applies(View v) {
        return !whyNot.containsKey(v);
    }

    /** Why {@code v} does not apply, in one sentence; empty when it does. */
    public String whyNot(View v) {
        return whyNot.getOrDefault(v, "");
    }

    /** The views that apply, in the window's order. */
    public List<View> shown() {
        List<View> shown = new ArrayList<>();
        for (View v : View.values()) {
            if (applies(v)) {
                shown.add(v);
            }
        }
        return shown;
    }

    /** The views that do not apply, in the window's order. */
    public List<View> hidden() {
        List<View> hidden = new ArrayList<>();
        for (View v : View.values()) {
            if (!applies(v)) {
                hidden.add(v);
            }
        }
        return hidden;
    }

    /** The pictures (filters, feature-maps, attention) at least one of {@code layers} offers, in that order. */
    public static List<String> mapViews(List<InsightData.Layer> layers) {
        return MAP_VIEWS.stream().filter(v -> layers.stream().anyMatch(l -> l.offers().contains(v))).toList();
    }

    /** Whether some layer (an embedding) offers the tokens nearest to a token. */
    public static boolean offersNeighbours(List<InsightData.Layer> layers) {
        return layers.stream().anyMatch(l -> l.offers().contains("neighbours"));
    }
}
