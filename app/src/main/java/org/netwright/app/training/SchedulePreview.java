package org.netwright.app.training;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.optim.Schedule;
import org.netwright.runner.optim.Schedules;

/**
 * The learning rate a run would use at each step, drawn before training: the runner's own schedule parsed from
 * the spec being typed (so the chart answers before the value is saved) at the saved learning rate, epochs and
 * batch size, with the steps per epoch estimated from the checked data's size. A spec the parser refuses gives
 * its message and an empty chart.
 */
public final class SchedulePreview {
    /** Above this many steps the chart samples the schedule instead of computing every step. */
    private static final int MAX_POINTS = 4000;

    private final ReadOnlyObjectProperty<TrainingSettings> settings;
    private final ReadOnlyIntegerProperty samples;
    private final StringProperty spec = new SimpleStringProperty();
    private final XYSeries rates = new XYSeries("learning rate");
    private final XYSeriesCollection data = new XYSeriesCollection(rates);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();

    SchedulePreview(ReadOnlyObjectProperty<TrainingSettings> settings, ReadOnlyIntegerProperty samples) {
        this.settings = settings;
        this.samples = samples;
        spec.set(settings.get().options().schedule());
        settings.addListener((o, before, after) -> {
            if (before == null || !before.options().schedule().equals(after.options().schedule())) {
                spec.set(after.options().schedule());
            }
            update();
        });
        samples.addListener((o, before, after) -> update());
        spec.addListener((o, before, after) -> update());
        update();
    }

    /** The spec to draw: the schedule field's text as it is typed; it follows the saved schedule when that changes. */
    public StringProperty specProperty() {
        return spec;
    }

    /** The rate against the epoch (step / steps per epoch), for the chart. */
    public XYSeriesCollection data() {
        return data;
    }

    /** Points drawn, e.g. for tests. */
    public int pointCount() {
        return rates.getItemCount();
    }

    /** The rate the chart shows at its last point; NaN when it shows none. */
    public double lastRate() {
        return rates.isEmpty() ? Double.NaN : rates.getY(rates.getItemCount() - 1).doubleValue();
    }

    /** What the chart shows in words ("cosine from 0.01 to 0 over 300 steps; 10 epochs of 30 steps"), or why not. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True when the parser refused the spec and {@link #noteProperty()} says why. */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /**
     * Steps per epoch of a run on {@code samples} samples (0 while unknown) with the settings' split and batch
     * size, counted as the runner counts them: the training part in batches, the last one possibly short.
     */
    static int stepsPerEpoch(int samples, TrainingSettings s) {
        if (samples <= 0) {
            return 0;
        }
        int train = samples - (int) Math.round(s.validationSplit() * samples) - (int) Math.round(s.testSplit() * samples);
        train = Math.max(1, train);
        int batch = Math.max(1, Math.min(s.batchSize(), train));
        return (train + batch - 1) / batch;
    }

    private void update() {
        TrainingSettings s = settings.get();
        int known = stepsPerEpoch(samples.get(), s);
        int perEpoch = Math.max(1, known);
        int epochs = Math.max(1, s.epochs());
        long total = (long) perEpoch * epochs;
        Schedule schedule;
        try {
            schedule = Schedules.parse(spec.get(), s.learningRate(), perEpoch, total);
        } catch (IllegalArgumentException e) {
            rates.clear();
            refused.set(true);
            note.set(e.getMessage());
            return;
        }
        rates.setNotify(false);
        rates.clear();
        if (total <= MAX_POINTS) {
            double[] r = schedule.preview(total);
            for (int step = 0; step < r.length; step++) {
                rates.add((double) step / perEpoch, r[step], false);
            }
        } else {
            for (int i = 0; i < MAX_POINTS; i++) {
                long step = Math.round((double) i * (total - 1) / (MAX_POINTS - 1));
                rates.add((double) step / perEpoch, schedule.rate(step), false);
            }
        }
        // The last step ends the last epoch: draw its rate up to the axis's end.
        rates.add((double) epochs, schedule.rate(total - 1), false);
        rates.setNotify(true);
        refused.set(false);
        note.set(schedule.describe() + "; " + epochs + (epochs == 1 ? " epoch" : " epochs")
                + (known > 0 ? " of " + known + (known == 1 ? " step" : " steps") + " (from " + samples.get()
                + " samples in batches of " + s.batchSize() + ")"
                : ", counted as one step each until the data is checked"));
    }
}
