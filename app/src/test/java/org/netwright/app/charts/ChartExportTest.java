package org.netwright.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's data as CSV (every series, every point, names quoted when they must be) and its picture as PNG. */
class ChartExportTest {
    @TempDir
    Path dir;

    private static JFreeChart chart() {
        XYSeries train = new XYSeries("train, raw");
        train.add(0.5, 2.25);
        train.add(1.0, 1e-5);
        XYSeries validation = new XYSeries("validation");
        validation.add(1, 100);
        validation.add(2, Double.NaN);
        XYSeriesCollection data = new XYSeriesCollection(train);
        data.addSeries(validation);
        return ChartFactory.createXYLineChart(null, "epoch", "loss", data);
    }

    @Test
    void theCsvHoldsEveryPointOfEverySeries() {
        assertEquals("series,x,y\n\"train, raw\",0.5,2.25\n\"train, raw\",1,1e-05\nvalidation,1,100\nvalidation,2,\n",
                ChartExport.csv(chart()));
    }

    @Test
    void aDecimatedCurveIsWrittenWithEveryPointNotTheOnesDrawn() throws IOException {
        DecimatedSeries curve = new DecimatedSeries("train loss");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            curve.add(i / 100.0, Math.sin(i * 0.37) + i * 1e-4);
        }
        curve.setBuckets(100);
        curve.refresh();
        assertTrue(curve.shown().getItemCount() <= 2 * 100 + 2, "the chart draws a few hundred points");
        XYSeries validation = new XYSeries("validation");
        validation.add(1, 0.5);
        XYSeriesCollection data = new XYSeriesCollection(curve.shown());
        data.addSeries(validation);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", data);

        java.util.List<String> rows = ChartExport.csv(chart, java.util.List.of(curve)).lines().toList();
        assertEquals(1 + n + 1, rows.size(), "a header, every step's point and the validation point");
        assertEquals("train loss,0,0", rows.get(1));
        String[] cells = rows.get(138).split(",");
        assertEquals("1.37", cells[1]);
        assertEquals(Math.sin(137 * 0.37) + 137 * 1e-4, Double.parseDouble(cells[2]), 1e-8);
        assertEquals("validation,1,0.5", rows.get(n + 1));
        // Without being told which curve is decimated, the writer sees only what is drawn.
        assertEquals(1 + curve.shown().getItemCount() + 1, ChartExport.csv(chart).lines().count());

        Path csv = dir.resolve("all.csv");
        ChartExport.writeCsv(chart, java.util.List.of(curve), csv);
        assertEquals(1 + n + 1, Files.readAllLines(csv).size());
    }

    @Test
    void thePngHasTheAskedSize() throws IOException {
        Path png = dir.resolve("loss.png");
        ChartExport.writePng(chart(), png, 400, 300);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        Path csv = dir.resolve("loss.csv");
        ChartExport.writeCsv(chart(), csv);
        assertTrue(Files.readString(csv).startsWith("series,x,y\n"));
    }
}
