package org.netwright.app.insight;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The insight view's state: the run's evaluation, the chosen test sample and method, its saliency map and the map's
 * opacity. Work goes to {@code background} (never the UI thread); results come back through {@code ui}.
 */
public final class InsightViewModel {
    private final Path project;
    private final Long run;
    private final InsightSource source;
    private final Executor background;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<InsightData.Evaluation> evaluation = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Saliency> saliency = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Prediction> prediction = new SimpleObjectProperty<>();
    private final IntegerProperty topK = new SimpleIntegerProperty(5);
    private final ObjectProperty<java.util.List<InsightData.Layer>> layers = new SimpleObjectProperty<>(
            java.util.List.of());
    private final ObjectProperty<InsightData.Maps> maps = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Neighbours> neighbours = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Reconstructions> reconstructions = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Latent> latent = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.CellSamples> cellSamples = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Activations> activations = new SimpleObjectProperty<>();
    private final ObjectProperty<GradientHeatMap> gradients = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.TrainingActivations> trainingActivations = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.TestSamples> interpolationSamples = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightData.Interpolation> interpolation = new SimpleObjectProperty<>();
    private final IntegerProperty interpolationFrom = new SimpleIntegerProperty(0);
    private final IntegerProperty interpolationTo = new SimpleIntegerProperty(1);
    private final IntegerProperty interpolationSteps = new SimpleIntegerProperty(8);
    /** Which end a click on a test sample sets next: the first (from) or the second (to). */
    private boolean pickingFrom = true;
    private final ObjectProperty<InsightData.Generated> generated = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty evaluationSummary = new SimpleStringProperty("");
    private final StringProperty method = new SimpleStringProperty("saliency");
    private final IntegerProperty sample = new SimpleIntegerProperty(0);
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.6);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<InsightData.RunNature> nature = new SimpleObjectProperty<>();
    private final ObjectProperty<InsightViews> views = new SimpleObjectProperty<>();
    private final BooleanProperty readingRun = new SimpleBooleanProperty();
    private int pending;

    /** The view model of {@code project}'s run {@code run} (null: the latest trained one). */
    public InsightViewModel(Path project, Long run, InsightSource source, Executor background, Consumer<Runnable> ui) {
        this.project = project;
        this.run = run;
        this.source = source;
        this.background = background;
        this.ui = ui;
    }

    /** The app's: the CLI in a child JVM, on a daemon thread, results on the JavaFX thread. */
    public static InsightViewModel forApp(Path project, Long run) {
        return new InsightViewModel(project, run, new ChildInsight(), task -> {
            Thread t = new Thread(task, "netwright-insight");
            t.setDaemon(true);
            t.start();
        }, Platform::runLater);
    }

    /**
     * Reads what the run is, decides which views apply ({@link InsightViews}) and fills the first of them: a
     * classifier's or regression's test part and the saliency of its first test sample, an autoencoder's or VAE's
     * reconstructions, a GAN's samples; the layers and the gradient norms too where they apply.
     */
    public void open() {
        readingRun.set(true);
        work("Reading the run…", () -> {
            InsightData.RunNature n;
            try {
                n = source.nature(project, run);
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                return () -> {
                    readingRun.set(false);
                    status.set("Could not look inside the run: " + why);
                };
            }
            return () -> {
                nature.set(n);
                InsightViews v = InsightViews.of(n, null);
                views.set(v);
                readingRun.set(false);
                if (v.applies(InsightViews.View.TEST_PART)) {
                    evaluate();
                    explain();
                }
                if (v.applies(InsightViews.View.AUTOENCODER)) {
                    loadAutoencoder(AUTOENCODER_SHOWN);
                }
                if (n.family().equals("GAN")) {
                    generate(1);
                }
                if (v.awaitsLayers()) {
                    loadLayers();
                }
                loadGradients();
            };
        });
    }

    /** How many test inputs the Autoencoder tab reconstructs. */
    public static final int AUTOENCODER_SHOWN = 8;

    /** Evaluates the run on its test part. */
    public void evaluate() {
        work("Evaluating the run on its test part…", () -> {
            InsightData.Evaluation e = source.evaluate(project, run);
            return () -> {
                evaluation.set(e);
                // Kept apart from the status line, which the next answer (a saliency map, say) overwrites.
                evaluationSummary.set("Run " + e.run() + ", " + e.samples() + " test samples: " + summary(e));
                status.set(evaluationSummary.get());
            };
        });
    }

    /** Explains the chosen sample with the chosen method. */
    public void explain() {
        int n = sample.get();
        String m = method.get();
        work("Explaining test sample " + n + " (" + m + ")…", () -> {
            InsightData.Saliency s = source.explain(project, run, n, m);
            return () -> {
                saliency.set(s);
                status.set("Sample " + n + ": " + m + " of class " + s.className() + String.format(java.util.Locale.ROOT,
                        " (probability %.3f)", s.probability()) + (s.trueClass().isEmpty() ? ""
                        : "; true class " + s.trueClass()));
            };
        });
    }

    /** Predicts the classes (or values) of a user's file and explains its top class with the chosen method. */
    public void predict(Path file) {
        int k = topK.get();
        String m = method.get();
        work("Predicting " + file.getFileName() + "…", () -> {
            InsightData.Prediction p = source.predict(project, run, file, k, m);
            return () -> {
                prediction.set(p);
                status.set(file.getFileName() + ": " + predictionSummary(p));
            };
        });
    }

    /** Lists the network's layers and what each offers (filters, feature maps, attention, neighbours). */
    public void loadLayers() {
        work("Reading the network's layers…", () -> {
            java.util.List<InsightData.Layer> l = source.layers(project, run);
            return () -> {
                layers.set(java.util.List.copyOf(l));
                if (nature.get() != null) {
                    views.set(InsightViews.of(nature.get(), layers.get()));
                }
                status.set(l.size() + " layers; " + l.stream().filter(x -> !x.offers().isEmpty()).count()
                        + " can be looked into.");
            };
        });
    }

    /** The layers that offer {@code what}. */
    public java.util.List<InsightData.Layer> layersOffering(String what) {
        return layers.get().stream().filter(l -> l.offers().contains(what)).toList();
    }

    /** Shows a layer's filters, its feature maps for the chosen test sample, or one attention head's map. */
    public void showMaps(String what, String layer, int head) {
        int n = sample.get();
        work("Reading " + what + " of " + layer + "…", () -> {
            InsightData.Maps m = source.maps(project, run, what, layer, n, head);
            return () -> {
                maps.set(m);
                status.set(what + " of " + layer + (what.equals("filters") ? "" : ", test sample " + n)
                        + (what.equals("attention") ? ", head " + m.head() + " of " + m.heads() : "") + ": "
                        + java.util.Arrays.stream(m.shape()).mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining("×")));
            };
        });
    }

    /** Finds the tokens nearest to {@code token} in embedding layer {@code layer}. */
    public void findNeighbours(String layer, String token, int k) {
        work("Finding the tokens nearest to " + token + "…", () -> {
            InsightData.Neighbours nb = source.neighbours(project, run, layer, token, k);
            return () -> {
                neighbours.set(nb);
                status.set(nb.nearest().size() + " tokens nearest to " + nb.token() + " in " + layer + ".");
            };
        });
    }

    /** Reads an autoencoder's reconstructions of its first test inputs and its test samples in the bottleneck. */
    public void loadAutoencoder(int count) {
        work("Reconstructing test inputs…", () -> {
            InsightData.Reconstructions r = source.reconstructions(project, run, count);
            return () -> reconstructions.set(r);
        });
        work("Placing test samples in the bottleneck…", () -> {
            InsightData.Latent z = source.latent(project, run);
            return () -> {
                latent.set(z);
                status.set(latentCaption(z));
            };
        });
    }

    /** The most samples of a confusion cell shown at once (the most confident first). */
    public static final int CELL_SHOWN = 40;
    /** How many test samples the activation statistics run through the network. */
    public static final int ACTIVATION_SAMPLES = 64;

    /**
     * Lists the test samples of confusion cell (true class {@code row}, predicted class {@code col}): the most
     * confident {@link #CELL_SHOWN} of them, read as the user reads them, with their probabilities.
     */
    public void showCell(int row, int col) {
        InsightData.Evaluation e = evaluation.get();
        if (e == null || !e.hasClasses()) {
            return;
        }
        String trueName = e.classes().get(row);
        String predictedName = e.classes().get(col);
        java.util.List<Integer> all = e.answers().cell(row, col);
        if (all.isEmpty()) {
            cellSamples.set(new InsightData.CellSamples(row, col, trueName, predictedName, 0,
                    new InsightData.TestSamples("", new int[0], java.util.List.of(), java.util.List.of()),
                    e.answers()));
            status.set("No test sample of class " + trueName + " was predicted as " + predictedName + ".");
            return;
        }
        java.util.List<Integer> shown = all.subList(0, Math.min(CELL_SHOWN, all.size()));
        work("Reading the " + shown.size() + " samples of class " + trueName + " predicted as " + predictedName + "…",
                () -> {
                    InsightData.TestSamples samples = source.samples(project, run, shown);
                    return () -> {
                        cellSamples.set(new InsightData.CellSamples(row, col, trueName, predictedName, all.size(),
                                samples, e.answers()));
                        status.set(cellCaption(cellSamples.get()));
                    };
                });
    }

    /** A cell's samples in words: which cell, how many, how many shown. */
    public static String cellCaption(InsightData.CellSamples c) {
        String which = "true " + c.trueClass() + ", predicted " + c.predictedClass();
        if (c.total() == 0) {
            return "No test samples: " + which + ".";
        }
        return c.total() + (c.total() == 1 ? " test sample: " : " test samples: ") + which
                + (c.shown().samples().size() < c.total() ? " (the " + c.shown().samples().size()
                + " most confident shown)" : "") + ".";
    }

    /** Computes each layer's activation statistics on the first test samples. */
    public void loadActivations() {
        work("Running " + ACTIVATION_SAMPLES + " test samples through the network…", () -> {
            InsightData.Activations a = source.activations(project, run, ACTIVATION_SAMPLES);
            return () -> {
                activations.set(a);
                long flagged = a.layers().stream().filter(l -> !l.problem().isEmpty()).count();
                status.set("Activations of " + a.layers().size() + " layers on " + a.samples() + " test samples"
                        + (flagged == 0 ? "." : "; " + flagged + (flagged == 1 ? " layer looks" : " layers look")
                        + " unhealthy: " + String.join(", ", a.layers().stream().filter(l -> !l.problem().isEmpty())
                        .map(l -> l.id() + " " + l.problem()).toList()) + "."));
            };
        });
    }

    /** Reads the run's gradient norms and its layers' output statistics per layer and epoch, as it stored them. */
    public void loadGradients() {
        work("Reading the run's gradient norms…", () -> {
            GradientHeatMap g = source.gradients(project, run);
            InsightData.TrainingActivations a = source.trainingActivations(project, run);
            return () -> {
                gradients.set(g);
                trainingActivations.set(a);
                status.set(g.summary());
            };
        });
    }

    /** How many test samples the Interpolation tab offers to pick the two ends from. */
    public static final int INTERPOLATION_CHOICES = 16;
    /** The most points an interpolation draws. */
    public static final int MAX_INTERPOLATION_STEPS = 32;

    /** Reads the first {@link #INTERPOLATION_CHOICES} test samples, to pick an interpolation's two ends from. */
    public void loadInterpolationSamples() {
        work("Reading the first test samples…", () -> {
            InsightData.TestSamples t = source.firstSamples(project, run, INTERPOLATION_CHOICES);
            return () -> {
                interpolationSamples.set(t);
                status.set(t.samples().size() + " test samples: click one, then another, to walk between them.");
            };
        });
    }

    /** A click on test sample {@code index}: it becomes the first end, then the second, then the first again. */
    public void pickInterpolationEnd(int index) {
        (pickingFrom ? interpolationFrom : interpolationTo).set(index);
        pickingFrom = !pickingFrom;
    }

    /**
     * Decodes the line between the latent means of the two chosen test samples in the chosen number of points (a
     * VAE's decoder; `generate --interpolate` in a child).
     */
    public void interpolate() {
        int from = interpolationFrom.get();
        int to = interpolationTo.get();
        int steps = Math.max(2, Math.min(MAX_INTERPOLATION_STEPS, interpolationSteps.get()));
        work("Walking from test sample " + from + " to " + to + " in " + steps + " steps…", () -> {
            InsightData.Interpolation i = source.interpolate(project, run, from, to, steps);
            return () -> {
                interpolation.set(i);
                status.set(interpolationCaption(i));
            };
        });
    }

    /** An interpolation in words: the run, the two samples, how many points, and that its ends are reconstructions. */
    public static String interpolationCaption(InsightData.Interpolation i) {
        return "Run " + i.run() + ": " + i.steps() + " points on the line between the latent means of test samples "
                + i.from() + " and " + i.to() + "; the first and last are their reconstructions.";
    }

    public ObjectProperty<InsightData.TestSamples> interpolationSamplesProperty() {
        return interpolationSamples;
    }

    public ObjectProperty<InsightData.Interpolation> interpolationProperty() {
        return interpolation;
    }

    /** The test sample the interpolation starts at. */
    public IntegerProperty interpolationFromProperty() {
        return interpolationFrom;
    }

    /** The test sample the interpolation ends at. */
    public IntegerProperty interpolationToProperty() {
        return interpolationTo;
    }

    /** How many points the interpolation draws, ends included (2 to {@link #MAX_INTERPOLATION_STEPS}). */
    public IntegerProperty interpolationStepsProperty() {
        return interpolationSteps;
    }

    /** The run's stored layer output statistics per epoch (read with the gradient norms); null before. */
    public ObjectProperty<InsightData.TrainingActivations> trainingActivationsProperty() {
        return trainingActivations;
    }

    /** Draws a grid of samples from a generative run (a GAN's generator, a VAE's decoder) with {@code seed}. */
    public void generate(long seed) {
        work("Drawing samples from the generator…", () -> {
            InsightData.Generated g = source.generate(project, run, seed);
            return () -> {
                generated.set(g);
                status.set(g.rows() * g.cols() + " samples of run " + g.run() + " from noise drawn with seed " + seed
                        + (g.perClass() ? ", one row per class." : "."));
            };
        });
    }

    public ObjectProperty<InsightData.CellSamples> cellSamplesProperty() {
        return cellSamples;
    }

    public ObjectProperty<InsightData.Activations> activationsProperty() {
        return activations;
    }

    public ObjectProperty<GradientHeatMap> gradientsProperty() {
        return gradients;
    }

    public ObjectProperty<InsightData.Generated> generatedProperty() {
        return generated;
    }

    /** What the latent scatter shows, in words: the layer, and which dimensions when the bottleneck is not 2-D. */
    public static String latentCaption(InsightData.Latent z) {
        String which = z.dims() == 2 ? "its 2 dimensions" : z.dims() == 1 ? "its only dimension (y is 0)"
                : "its first two of " + z.dims() + " dimensions";
        return z.xs().length + " test samples in the bottleneck " + z.layer() + ", " + which
                + (z.classNames().isEmpty() ? "" : ", coloured by class") + ".";
    }

    /** The prediction in words: its top class and probability, or its values; and why there is no map, if so. */
    static String predictionSummary(InsightData.Prediction p) {
        String answer;
        if (p.hasClasses()) {
            InsightData.ClassProbability top = p.classes().get(0);
            answer = "most likely " + top.name() + String.format(java.util.Locale.ROOT, " (%.3f)", top.probability());
        } else {
            StringBuilder b = new StringBuilder("predicted");
            for (double v : p.values()) {
                b.append(String.format(java.util.Locale.ROOT, " %.4g", v));
            }
            answer = b.toString();
        }
        return p.saliencyProblem().isEmpty() ? answer : answer + "; no saliency: " + p.saliencyProblem();
    }

    /** Something to compute off the UI thread, returning what to do on it. */
    @FunctionalInterface
    interface Work {
        Runnable run() throws Exception;
    }

    private void work(String message, Work w) {
        pending++;
        busy.set(true);
        status.set(message);
        background.execute(() -> {
            Runnable done;
            try {
                done = w.run();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                done = () -> status.set("Could not look inside the run: " + why);
            }
            Runnable finish = done;
            ui.accept(() -> {
                finish.run();
                busy.set(--pending > 0);
            });
        });
    }

    private static String summary(InsightData.Evaluation e) {
        StringBuilder b = new StringBuilder();
        e.metrics().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
        return b.toString();
    }

    public ObjectProperty<InsightData.Evaluation> evaluationProperty() {
        return evaluation;
    }

    public ObjectProperty<InsightData.Saliency> saliencyProperty() {
        return saliency;
    }

    public ObjectProperty<InsightData.Prediction> predictionProperty() {
        return prediction;
    }

    /** How many classes the prediction panel lists. */
    public IntegerProperty topKProperty() {
        return topK;
    }

    public ObjectProperty<java.util.List<InsightData.Layer>> layersProperty() {
        return layers;
    }

    public ObjectProperty<InsightData.Maps> mapsProperty() {
        return maps;
    }

    public ObjectProperty<InsightData.Neighbours> neighboursProperty() {
        return neighbours;
    }

    public ObjectProperty<InsightData.Reconstructions> reconstructionsProperty() {
        return reconstructions;
    }

    public ObjectProperty<InsightData.Latent> latentProperty() {
        return latent;
    }

    /** The run's test figures in words, once evaluated. */
    public StringProperty evaluationSummaryProperty() {
        return evaluationSummary;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public IntegerProperty sampleProperty() {
        return sample;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the run is, once {@link #open} has read it; null before. */
    public ObjectProperty<InsightData.RunNature> natureProperty() {
        return nature;
    }

    /** The views that apply to the run and why the others do not, once {@link #open} has read it; null before. */
    public ObjectProperty<InsightViews> viewsProperty() {
        return views;
    }

    /** True while {@link #open} reads what the run is (the window shows no views yet). */
    public BooleanProperty readingRunProperty() {
        return readingRun;
    }

    /**
     * The saliency map drawn over its image as ARGB pixels, each image pixel {@code zoom}×{@code zoom}: the image in
     * grey or colour (stretched to 0..1 when it is not), the attribution's magnitude (summed over channels, scaled by
     * its largest) as red to yellow heat at {@code opacity} of its strength.
     */
    public static int[] overlay(InsightData.Saliency s, double opacity, int zoom) {
        int plane = s.height() * s.width();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : s.input()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        }
        float range = hi > lo ? hi - lo : 1;
        float[] heat = new float[plane];
        float top = 0;
        for (int i = 0; i < s.attribution().length; i++) {
            heat[i % plane] += Math.abs(s.attribution()[i]);
        }
        for (float h : heat) {
            top = Math.max(top, h);
        }
        int w = s.width() * zoom;
        int[] out = new int[plane * zoom * zoom];
        for (int p = 0; p < plane; p++) {
            double r = (s.input()[p] - lo) / range;
            double g = s.channels() >= 3 ? (s.input()[plane + p] - lo) / range : r;
            double b = s.channels() >= 3 ? (s.input()[2 * plane + p] - lo) / range : r;
            double t = top > 0 ? heat[p] / top : 0;
            double a = Math.max(0, Math.min(1, opacity)) * t;
            double hr = Math.min(1, t * 2.5);
            double hg = Math.max(0, Math.min(1, t * 2.5 - 1));
            int rgb = 0xff000000 | channel(r, hr, a) << 16 | channel(g, hg, a) << 8 | channel(b, 0, a);
            int y = p / s.width();
            int x = p % s.width();
            for (int dy = 0; dy < zoom; dy++) {
                for (int dx = 0; dx < zoom; dx++) {
                    out[(y * zoom + dy) * w + x * zoom + dx] = rgb;
                }
            }
        }
        return out;
    }

    private static int channel(double base, double heat, double alpha) {
        double v = Math.max(0, Math.min(1, base)) * (1 - alpha) + heat * alpha;
        return (int) Math.round(v * 255);
    }
}
