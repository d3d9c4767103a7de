package org.netwright.app.runs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netwright.model.json.SettingsDiff;
import org.netwright.model.json.SettingsFormatException;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * The Runs window's state: every run of the project as a row, the validation loss per epoch of the chosen runs as
 * curves to overlay, and, when exactly two are chosen, the settings that differ between them. Stored metrics are
 * read off the UI thread ({@code background}) and published on it ({@code ui}).
 */
public final class RunsViewModel {
    /** One run's curve: validation loss per epoch (training loss per epoch when it has no validation part). */
    public record Curve(long runId, String label, List<double[]> points) {
    }

    private final ProjectStore store;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Curve> curves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper differences = new ReadOnlyStringWrapper("");
    private final Map<Long, RunRecord> records = new LinkedHashMap<>();
    private List<Long> chosen = List.of();

    public RunsViewModel(ProjectStore store, Executor background, Executor ui) {
        this.store = store;
        this.background = background;
        this.ui = ui;
        reload();
    }

    /** Reads the runs again (after a run ended, say); newest first. */
    public void reload() {
        records.clear();
        List<RunRow> list = new ArrayList<>();
        List<RunRecord> runs = store.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            records.put(runs.get(i).id(), runs.get(i));
            list.add(RunRow.of(runs.get(i), ZoneId.systemDefault()));
        }
        rows.setAll(list);
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The chosen runs' curves, in the order chosen. */
    public ObservableList<Curve> curves() {
        return curves;
    }

    /** What differs between the two chosen runs, one setting a line; a hint otherwise. */
    public ReadOnlyStringProperty differencesProperty() {
        return differences.getReadOnlyProperty();
    }

    /** Chooses runs to overlay and compare; completes once their curves are shown. */
    public CompletableFuture<Void> choose(List<Long> runIds) {
        chosen = List.copyOf(runIds);
        differences.set(describeDifferences(chosen));
        List<Long> asked = chosen;
        return CompletableFuture.supplyAsync(() -> {
            List<Curve> out = new ArrayList<>();
            for (long id : asked) {
                out.add(curve(id, store.metrics(id)));
            }
            return out;
        }, background).thenAcceptAsync(out -> {
            if (asked.equals(chosen)) {
                curves.setAll(out);
            }
        }, ui);
    }

    private String describeDifferences(List<Long> ids) {
        if (ids.size() != 2) {
            return ids.isEmpty() ? "Choose runs to draw their validation loss together."
                    : "Choose exactly two runs to see which settings differ.";
        }
        RunRecord a = records.get(ids.get(0));
        RunRecord b = records.get(ids.get(1));
        if (a == null || b == null) {
            return "";
        }
        RunRecord older = a.id() < b.id() ? a : b;
        RunRecord newer = older == a ? b : a;
        try {
            List<SettingsDiff.Change> changes = SettingsDiff.between(older.settingsJson(), newer.settingsJson());
            if (changes.isEmpty()) {
                return "Runs " + older.id() + " and " + newer.id() + " used the same settings.";
            }
            StringBuilder text = new StringBuilder("From run " + older.id() + " to run " + newer.id() + ":");
            changes.forEach(c -> text.append("\n").append(c));
            return text.toString();
        } catch (SettingsFormatException e) {
            return e.getMessage();
        }
    }

    /** Validation loss per epoch, else the mean training loss of each epoch. */
    static Curve curve(long runId, List<MetricPoint> metrics) {
        Map<Integer, Double> validation = new LinkedHashMap<>();
        Map<Integer, double[]> train = new LinkedHashMap<>();
        for (MetricPoint m : metrics) {
            if (m.key().equals("validate/loss")) {
                validation.put(m.epoch(), m.value());
            } else if (m.key().equals("train/loss")) {
                double[] sum = train.computeIfAbsent(m.epoch(), e -> new double[2]);
                sum[0] += m.value();
                sum[1]++;
            }
        }
        List<double[]> points = new ArrayList<>();
        String what;
        if (!validation.isEmpty()) {
            validation.forEach((e, v) -> points.add(new double[] {e, v}));
            what = "validation loss";
        } else {
            train.forEach((e, s) -> points.add(new double[] {e, s[0] / s[1]}));
            what = "training loss";
        }
        return new Curve(runId, "run " + runId + " " + what, points);
    }

    /** The record of a listed run. */
    public Optional<RunRecord> record(long id) {
        return Optional.ofNullable(records.get(id));
    }
}
