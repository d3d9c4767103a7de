package org.netwright.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netwright.app.exchange.CliJob;

/**
 * One quick check of the project's network as the window shows it: which check, whether it runs, its sentence, and
 * the curve it drew. The check reads the project file, so {@code save} writes the shown settings first; the rate the
 * range test suggests goes back through {@code setRate} (the settings form's own path, which may refuse it).
 */
public final class CheckViewModel {
    /** Which check. */
    public enum Kind {
        OVERFIT("check-overfit", "Overfit one batch"), RATE("lr-find", "Find learning rate");

        private final String command;
        private final String title;

        Kind(String command, String title) {
            this.command = command;
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The overfit check's answer: the loss on the batch after each step, and whether it went near zero. */
    public record Overfit(boolean healthy, double[] losses) {
    }

    /** The range test's answer: each step's rate, loss and smoothed loss, and the suggested rate when there is one. */
    public record RateCurve(double[] rates, double[] losses, double[] smoothed, Optional<Double> suggested) {
    }

    private final Kind kind;
    private final Supplier<Path> project;
    private final Runnable save;
    private final Function<List<String>, CompletableFuture<CliJob.Outcome>> cli;
    private final Executor ui;
    private final Function<String, Optional<String>> setRate;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** The check's child job while it runs; cancelling it ends the child. */
    private CompletableFuture<CliJob.Outcome> current;
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Overfit> overfit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RateCurve> curve = new ReadOnlyObjectWrapper<>();

    /**
     * @param project the project file the check reads
     * @param save    writes the shown settings to that file before the child reads it
     * @param cli     starts a CLI command (the real one: {@link CliJob#start})
     * @param ui      where results are published (the FX thread)
     * @param setRate sets the learning rate from text, returning the refusal when the settings reject it
     */
    public CheckViewModel(Kind kind, Supplier<Path> project, Runnable save,
                          Function<List<String>, CompletableFuture<CliJob.Outcome>> cli, Executor ui,
                          Function<String, Optional<String>> setRate) {
        this.kind = kind;
        this.project = project;
        this.save = save;
        this.cli = cli;
        this.ui = ui;
        this.setRate = setRate;
    }

    public Kind kind() {
        return kind;
    }

    /** Starts the check unless one runs; the result arrives on the UI executor. */
    public void start() {
        if (running.get()) {
            return;
        }
        save.run();
        running.set(true);
        failed.set(false);
        overfit.set(null);
        curve.set(null);
        message.set(kind == Kind.OVERFIT ? "Training a copy of the network on one batch…"
                : "Training a copy of the network while the learning rate grows…");
        CompletableFuture<CliJob.Outcome> job = cli.apply(List.of(kind.command, project.get().toString(), "--json"));
        current = job;
        job.whenComplete((outcome, error) -> ui.execute(() -> finish(job, outcome, error)));
    }

    /**
     * Cancels the check that runs: its child process is ended and the window says "Cancelled". Nothing happens when
     * no check runs. Closing the window calls it too.
     */
    public void cancel() {
        CompletableFuture<CliJob.Outcome> job = current;
        if (job == null || !running.get()) {
            return;
        }
        job.cancel(true);
    }

    private void finish(CompletableFuture<CliJob.Outcome> job, CliJob.Outcome outcome, Throwable error) {
        if (job != current) {
            // An older check's late answer: a newer one has started since.
            return;
        }
        current = null;
        running.set(false);
        if (job.isCancelled()) {
            failed.set(false);
            message.set("Cancelled.");
            return;
        }
        if (error != null || outcome == null) {
            fail("The check could not run: " + (error == null ? "no answer" : error.getMessage()));
            return;
        }
        // check-overfit exits 1 with its JSON when the network is not healthy: the JSON is the answer either way.
        Optional<JsonNode> json = outcome.json();
        if (json.isEmpty()) {
            fail(outcome.error().isBlank() ? "The check ended without an answer (exit " + outcome.exitCode() + ")."
                    : capitalised(outcome.error()));
            return;
        }
        JsonNode j = json.get();
        if (kind == Kind.OVERFIT) {
            Overfit o = new Overfit(j.path("healthy").asBoolean(), numbers(j.path("losses")));
            overfit.set(o);
            failed.set(!o.healthy());
            message.set(j.path("verdict").asText());
        } else {
            JsonNode s = j.path("suggested");
            RateCurve c = new RateCurve(numbers(j.path("rates")), numbers(j.path("losses")),
                    numbers(j.path("smoothed")), s.isNumber() ? Optional.of(s.asDouble()) : Optional.empty());
            curve.set(c);
            message.set(j.path("message").asText());
        }
    }

    /**
     * Sets the run's learning rate to the suggested one through the settings form; the sentence says what was set
     * or why not. Returns false when there is nothing to use or the settings refused it.
     */
    public boolean useSuggestedRate() {
        RateCurve c = curve.get();
        if (c == null || c.suggested().isEmpty()) {
            return false;
        }
        String text = rateText(c.suggested().get());
        Optional<String> refusal = setRate.apply(text);
        if (refusal.isPresent()) {
            message.set(refusal.get());
            failed.set(true);
            return false;
        }
        message.set("The learning rate is now " + text + ".");
        failed.set(false);
        return true;
    }

    /** A rate as the settings field shows it: three significant digits. */
    static String rateText(double rate) {
        return Double.toString(Double.parseDouble(String.format(Locale.ROOT, "%.3g", rate)));
    }

    private void fail(String sentence) {
        failed.set(true);
        message.set(sentence);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        }
        return out;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True when the sentence reports a fault (an unhealthy network, a refusal, a failure). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Overfit> overfitProperty() {
        return overfit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RateCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }
}
