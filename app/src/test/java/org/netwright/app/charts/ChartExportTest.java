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
