package org.netwright.app.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chart's picture as PNG and its data as CSV: the pure writers, and the two items added to a chart viewer's
 * right-click menu ("Save Picture as PNG…", "Save Data as CSV…").
 */
public final class ChartExport {
    private ChartExport() {
    }

    /**
     * The chart's data as CSV, one row per point: {@code series,x,y} with a header line; series names quoted when
     * they hold a comma or a quote. Every dataset of the chart's XY plot is written, in order.
     */
    public static String csv(JFreeChart chart) {
        return csv(chart, List.of());
    }

    /**
     * As {@link #csv(JFreeChart)}, but a series drawn decimated (one of {@code full}'s {@link DecimatedSeries#shown()})
     * is written with every point it holds, not the few the chart draws.
     */
    public static String csv(JFreeChart chart, List<DecimatedSeries> full) {
        StringBuilder b = new StringBuilder("series,x,y\n");
        var plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data != null) {
                rows(data, full, b);
            }
        }
        return b.toString();
    }

    private static void rows(XYDataset data, List<DecimatedSeries> full, StringBuilder b) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String name = quoted(String.valueOf(data.getSeriesKey(s)));
            DecimatedSeries all = data instanceof XYSeriesCollection c ? behind(c.getSeries(s), full) : null;
            if (all != null) {
                for (int i = 0; i < all.size(); i++) {
                    row(b, name, all.x(i), all.y(i));
                }
                continue;
            }
            for (int i = 0; i < data.getItemCount(s); i++) {
                row(b, name, data.getXValue(s, i), data.getYValue(s, i));
            }
        }
    }

    private static DecimatedSeries behind(XYSeries shown, List<DecimatedSeries> full) {
        for (DecimatedSeries f : full) {
            if (f.shown() == shown) {
                return f;
            }
        }
        return null;
    }

    private static void row(StringBuilder b, String name, double x, double y) {
        b.append(name).append(',').append(number(x)).append(',').append(number(y)).append('\n');
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v).replaceFirst("\\.?0+(e|$)", "$1") : "";
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Writes the chart's data as CSV to {@code file}. */
    public static void writeCsv(JFreeChart chart, Path file) throws IOException {
        writeCsv(chart, List.of(), file);
    }

    /** Writes the chart's data as CSV to {@code file}, decimated series with all their points. */
    public static void writeCsv(JFreeChart chart, List<DecimatedSeries> full, Path file) throws IOException {
        Files.writeString(file, csv(chart, full), StandardCharsets.UTF_8);
    }

    /** Draws the chart into a PNG of {@code width}×{@code height} pixels at {@code file}. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /**
     * Adds "Save Picture as PNG…" and "Save Data as CSV…" to the viewer's right-click menu; files are named
     * {@code name} by default, and the picture has the viewer's size on screen.
     */
    public static void install(ChartViewer viewer, String name) {
        install(viewer, name, List.of());
    }

    /**
     * As {@link #install(ChartViewer, String)} for a chart that draws {@code full} decimated: its CSV holds every point
     * of those curves (a million-step run's million losses), not the ones on screen.
     */
    public static void install(ChartViewer viewer, String name, List<DecimatedSeries> full) {
        MenuItem png = new MenuItem("Save Picture as PNG…");
        png.setOnAction(e -> choose(viewer, name + ".png", "PNG picture", "*.png").ifPresent(file -> save(() ->
                writePng(viewer.getChart(), file, (int) Math.max(320, viewer.getWidth()),
                        (int) Math.max(240, viewer.getHeight())), file)));
        MenuItem csv = new MenuItem("Save Data as CSV…");
        csv.setOnAction(e -> choose(viewer, name + ".csv", "CSV table", "*.csv").ifPresent(file -> save(() ->
                writeCsv(viewer.getChart(), List.copyOf(full), file), file)));
        viewer.getContextMenu().getItems().addAll(new SeparatorMenuItem(), png, csv);
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void save(Write write, Path file) {
        try {
            write.run();
        } catch (IOException e) {
            new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).show();
        }
    }

    private static java.util.Optional<Path> choose(ChartViewer viewer, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        var file = chooser.showSaveDialog(viewer.getScene() == null ? null : viewer.getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }
}
