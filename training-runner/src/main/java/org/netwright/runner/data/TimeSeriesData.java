package org.netwright.runner.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.templates.data.Samples;

/**
 * A CSV time series as forecasting data: recipe kind {@value #KIND}, options {@code path}, {@code target} (the
 * column to forecast), {@code window} (past steps a sample reads), {@code horizon} (future steps it predicts),
 * optionally {@code features} (the columns the window reads, comma-separated; default the target), {@value #RELATIVE}
 * and {@value #STANDARDIZATION} (see below). Samples have the fields {@code window} (window × features) and
 * {@code target} (horizon values of the target column), in time order.
 *
 * <p>A column whose every cell is a date (yyyy-mm-dd, yyyy-mm or a year) orders the rows; duplicates and gaps are
 * refused. The series is split before it is cut into windows: the first stretch trains, then validation, then the
 * latest stretch tests, by the settings' fractions. A window's target lies wholly inside its own part; training
 * windows read only training values, while validation and test windows read their past from before their part,
 * as a forecast made at that time would. Every column is standardized with the mean and standard deviation of
 * the training stretch only, written into the recipe as {@value #STANDARDIZATION} ({@code COLUMN:MEAN:STD,...}) so
 * forecasts can be mapped back; MAE and RMSE are reported in the target's own units.
 */
public final class TimeSeriesData {
    public static final String KIND = "timeseries";
    /** The recipe option that holds each column's training mean and standard deviation. */
    public static final String STANDARDIZATION = "standardization";
    /**
     * The recipe option that makes windows relative to their last value: each column's last value in the window is
     * subtracted from the window and the target, so the network forecasts changes from now (zero is persistence) and
     * a level it never saw in training does not throw it off. A forecast maps back by adding the last value.
     */
    public static final String RELATIVE = "relative";

    private TimeSeriesData() {
    }

    /** The series read and checked: its values per column (in time order) and the columns' names. */
    record Series(Path file, String[] columns, double[][] values, String dateColumn) {
        int length() {
            return values[0].length;
        }
    }

    /** The training, validation and test windows of the recipe's series for a split with these fractions. */
    public static Samples.Split load(DataRecipe recipe, Path file, double validationFraction, double testFraction) {
        Options o = Options.of(recipe);
        Series s = read(file, o);
        int[] parts = parts(s, o, validationFraction, testFraction);
        double[][] stats = statistics(recipe, s, parts[0]);
        float[][] z = new float[s.columns().length][];
        for (int c = 0; c < z.length; c++) {
            z[c] = new float[s.length()];
            for (int t = 0; t < s.length(); t++) {
                z[c][t] = (float) ((s.values()[c][t] - stats[c][0]) / stats[c][1]);
            }
        }
        int train = parts[0];
        int val = parts[1];
        int end = s.length();
        double scale = stats[stats.length - 1][1];
        return new Samples.Split(windows(z, o, o.window(), train, scale),
                windows(z, o, train, train + val, scale), windows(z, o, train + val, end, scale));
    }

    /** Every window of the series, training then validation then test, for a data check or a task's fields. */
    public static Samples loadAll(DataRecipe recipe, Path file, double validationFraction, double testFraction) {
        Samples.Split split = load(recipe, file, validationFraction, testFraction);
        int n = split.train().size() + split.validation().size() + split.test().size();
        List<Samples.Column> columns = new ArrayList<>();
        for (DataField f : split.train().fields()) {
            float[] all = new float[Math.toIntExact(n * f.shape().size())];
            int at = 0;
            for (Samples part : List.of(split.train(), split.validation(), split.test())) {
                float[] v = part.require(f.name()).values();
                System.arraycopy(v, 0, all, at, v.length);
                at += v.length;
            }
            columns.add(new Samples.Column(f, all));
        }
        return new Samples(columns, n, true).withScale("target", split.train().scale("target"));
    }

    /**
     * The recipe with the training stretch's statistics written out ({@value #STANDARDIZATION}): unchanged when it
     * has them, so a run's stored settings can map its forecasts back to the series' units.
     */
    public static DataRecipe pinStatistics(DataRecipe recipe, Path file, double validationFraction, double testFraction) {
        if (recipe.options().get(STANDARDIZATION) != null) {
            return recipe;
        }
        Options o = Options.of(recipe);
        Series s = read(file, o);
        int[] parts = parts(s, o, validationFraction, testFraction);
        double[][] stats = statistics(recipe, s, parts[0]);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < stats.length; c++) {
            text.append(c == 0 ? "" : ",").append(s.columns()[c]).append(':').append(stats[c][0]).append(':')
                    .append(stats[c][1]);
        }
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put(STANDARDIZATION, text.toString());
        return new DataRecipe(recipe.kind(), options);
    }

    /** The samples from {@code from} (first target step) to {@code to}: each window ends where its target starts. */
    private static Samples windows(float[][] z, Options o, int from, int to, double scale) {
        int n = Math.max(0, to - from - o.horizon() + 1);
        int features = z.length - 1;
        float[] window = new float[n * o.window() * features];
        float[] target = new float[n * o.horizon()];
        float[] y = z[z.length - 1];
        for (int i = 0; i < n; i++) {
            int start = from + i;
            for (int t = 0; t < o.window(); t++) {
                for (int f = 0; f < features; f++) {
                    window[(i * o.window() + t) * features + f] = z[f][start - o.window() + t]
                            - (o.relative() ? z[f][start - 1] : 0);
                }
            }
            for (int h = 0; h < o.horizon(); h++) {
                target[i * o.horizon() + h] = y[start + h] - (o.relative() ? y[start - 1] : 0);
            }
        }
        return new Samples(List.of(new Samples.Column(DataField.values("window", Shape.of(o.window(), features)), window),
                new Samples.Column(DataField.values("target", Shape.of(o.horizon())), target)), n, true)
                .withScale("target", scale);
    }

    /** The lengths of the training and validation stretches; refused when a part cannot hold a window. */
    private static int[] parts(Series s, Options o, double validationFraction, double testFraction) {
        int n = s.length();
        int val = (int) Math.round(validationFraction * n);
        int test = (int) Math.round(testFraction * n);
        int train = n - val - test;
        int need = o.window() + o.horizon();
        if (train < need) {
            throw new DataFileException(s.file() + " has " + n + " rows; its training stretch (" + train
                    + " rows after " + val + " for validation and " + test + " for test) must hold at least one window"
                    + " of " + o.window() + " and a horizon of " + o.horizon() + " (" + need + " rows): use a longer"
                    + " series, a shorter " + DataOption.WINDOW.named() + " or " + DataOption.HORIZON.named()
                    + ", or smaller split fractions.");
        }
        for (int[] part : new int[][] {{val, 0}, {test, 1}}) {
            if (part[0] > 0 && part[0] < o.horizon()) {
                throw new DataFileException(s.file() + ": the " + (part[1] == 0 ? "validation" : "test") + " stretch has "
                        + part[0] + " rows, fewer than the horizon of " + o.horizon() + ", so no forecast fits in it;"
                        + " use a larger split fraction or a shorter " + DataOption.HORIZON.named() + ".");
            }
        }
        return new int[] {train, val};
    }

    /**
     * Each column's mean and standard deviation (the target last): the recipe's pinned ones, else those of the first
     * {@code train} rows; a constant column keeps a deviation of 1.
     */
    private static double[][] statistics(DataRecipe recipe, Series s, int train) {
        double[][] out = new double[s.columns().length][];
        Object pinned = recipe.options().get(STANDARDIZATION);
        if (pinned != null) {
            Map<String, double[]> byName = new LinkedHashMap<>();
            for (String entry : pinned.toString().split(",")) {
                String[] p = entry.split(":");
                try {
                    byName.put(p[0], new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
                } catch (RuntimeException e) {
                    throw new DataFileException("The time series recipe's option '" + STANDARDIZATION + "' must be"
                            + " COLUMN:MEAN:STD entries separated by commas; got '" + entry + "'.");
                }
            }
            for (int c = 0; c < out.length; c++) {
                out[c] = byName.get(s.columns()[c]);
                if (out[c] == null || !(out[c][1] > 0)) {
                    throw new DataFileException("The time series recipe's option '" + STANDARDIZATION + "' has no"
                            + " usable statistics for the column '" + s.columns()[c] + "'.");
                }
            }
            return out;
        }
        for (int c = 0; c < out.length; c++) {
            double sum = 0;
            for (int t = 0; t < train; t++) {
                sum += s.values()[c][t];
            }
            double mean = sum / train;
            double sq = 0;
            for (int t = 0; t < train; t++) {
                sq += (s.values()[c][t] - mean) * (s.values()[c][t] - mean);
            }
            double std = Math.sqrt(sq / train);
            out[c] = new double[] {mean, std > 1e-12 ? std : 1};
        }
        return out;
    }

    /** Reads the columns the options name (features, then the target last) in date order when there is a date column. */
    static Series read(Path file, Options o) {
        CsvTable table = CsvTable.read(file);
        String[] header = table.header();
        List<String> names = new ArrayList<>(o.features().isEmpty() ? List.of(o.target()) : o.features());
        names.add(o.target());
        int[] cols = new int[names.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = column(header, names.get(i), file, i == cols.length - 1 ? DataOption.TARGET.named()
                    : DataOption.FEATURES.named());
        }
        List<String[]> rows = table.rows();
        int dateCol = dateColumn(table, cols);
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        if (dateCol >= 0) {
            checkDates(table, dateCol, order, file);
        }
        double[][] values = new double[cols.length][rows.size()];
        for (int i = 0; i < order.length; i++) {
            int r = order[i];
            for (int c = 0; c < cols.length; c++) {
                String cell = rows.get(r)[cols[c]];
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new DataFileException(file + " line " + (r + 2) + ": column '" + header[cols[c]]
                            + "' must be a number, but is '" + cell + "'.");
                }
                values[c][i] = v;
            }
        }
        return new Series(file, names.toArray(String[]::new), values, dateCol < 0 ? null : header[dateCol]);
    }

    private static int column(String[] header, String name, Path file, String flag) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(name)) {
                return c;
            }
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new DataFileException(file + " has no column '" + name + "' (" + flag + "); its columns are "
                + String.join(", ", header) + ".");
    }

    /** The first column not read as a value whose every cell is a date, or -1. */
    private static int dateColumn(CsvTable table, int[] used) {
        for (int c = 0; c < table.header().length; c++) {
            final int col = c;
            if (Arrays.stream(used).anyMatch(u -> u == col)) {
                continue;
            }
            Granularity g = null;
            boolean all = true;
            for (String[] row : table.rows()) {
                Granularity here = Granularity.of(row[c]);
                if (here == null || (g != null && here != g)) {
                    all = false;
                    break;
                }
                g = here;
            }
            if (all && g != null) {
                return c;
            }
        }
        return -1;
    }

    /** Sorts {@code order} by date and refuses a date given twice or a step that skips dates. */
    private static void checkDates(CsvTable table, int col, Integer[] order, Path file) {
        List<String[]> rows = table.rows();
        Granularity g = Granularity.of(rows.get(0)[col]);
        LocalDate[] dates = new LocalDate[rows.size()];
        for (int r = 0; r < dates.length; r++) {
            dates[r] = g.parse(rows.get(r)[col]);
        }
        Arrays.sort(order, Comparator.comparing(r -> dates[r]));
        ChronoUnit unit = g.unit();
        if (g == Granularity.DAY && Arrays.stream(dates).allMatch(d -> d.getDayOfMonth() == dates[0].getDayOfMonth())) {
            unit = ChronoUnit.MONTHS;
        }
        long step = Long.MAX_VALUE;
        for (int i = 1; i < order.length; i++) {
            long d = unit.between(dates[order[i - 1]], dates[order[i]]);
            if (d > 0) {
                step = Math.min(step, d);
            }
        }
        String what = table.header()[col];
        for (int i = 1; i < order.length; i++) {
            int prev = order[i - 1];
            int r = order[i];
            long d = unit.between(dates[prev], dates[r]);
            if (d == 0) {
                throw new DataFileException(file + " line " + (r + 2) + ": " + what + " " + rows.get(r)[col]
                        + " is given twice (also on line " + (prev + 2) + "); a series needs one row per date.");
            }
            if (d != step) {
                throw new DataFileException(file + " line " + (r + 2) + ": " + what + " " + rows.get(r)[col]
                        + " follows " + rows.get(prev)[col] + " (line " + (prev + 2) + "), leaving a gap of "
                        + (d - step) + " " + unit.toString().toLowerCase(Locale.ROOT) + " in a series that steps by "
                        + step + "; fill in the missing rows.");
            }
        }
    }

    /** How precise a date cell is, which is also the step of the series it dates. */
    enum Granularity {
        YEAR(ChronoUnit.YEARS), MONTH(ChronoUnit.MONTHS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Granularity(ChronoUnit unit) {
            this.unit = unit;
        }

        ChronoUnit unit() {
            return unit;
        }

        /** The granularity of a date cell (1949, 1949-01 or 1949-01-31), or null when it is not one. */
        static Granularity of(String cell) {
            String t = cell.trim();
            if (t.matches("\\d{4}")) {
                return YEAR;
            }
            try {
                if (t.matches("\\d{4}-\\d{2}")) {
                    YearMonth.parse(t);
                    return MONTH;
                }
                if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    LocalDate.parse(t);
                    return DAY;
                }
            } catch (DateTimeParseException e) {
                return null;
            }
            return null;
        }

        LocalDate parse(String cell) {
            String t = cell.trim();
            return switch (this) {
                case YEAR -> LocalDate.of(Integer.parseInt(t), 1, 1);
                case MONTH -> YearMonth.parse(t).atDay(1);
                case DAY -> LocalDate.parse(t);
            };
        }
    }

    /** The recipe's options, checked. */
    record Options(String target, List<String> features, int window, int horizon, boolean relative) {
        static Options of(DataRecipe recipe) {
            Object target = recipe.options().get("target");
            if (target == null || target.toString().isBlank()) {
                throw new DataFileException("A time series needs the column to forecast: "
                        + DataOption.TARGET.where() + ".");
            }
            Object f = recipe.options().get("features");
            List<String> features = f == null || f.toString().isBlank() ? List.of()
                    : Arrays.stream(f.toString().split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
            Object relative = recipe.options().get(RELATIVE);
            return new Options(target.toString(), features, whole(recipe, "window", 24), whole(recipe, "horizon", 1),
                    relative != null && Boolean.parseBoolean(relative.toString()));
        }

        private static int whole(DataRecipe recipe, String key, int fallback) {
            Object v = recipe.options().get(key);
            if (v == null) {
                return fallback;
            }
            double d;
            try {
                d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (!(d >= 1 && d <= 100_000) || d != Math.rint(d)) {
                throw new DataFileException("The time series option '" + key + "' (--" + key + ") must be a whole"
                        + " number of steps from 1 to 100000; got " + v + ".");
            }
            return (int) d;
        }
    }
}
