package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.templates.data.Samples;

class TimeSeriesDataTest {
    static final Path AIR = Path.of("..", "..", "shared", "data", "timeseries", "airpassengers.csv");
    @TempDir
    Path dir;

    static DataRecipe recipe(Path file, int window, int horizon) {
        return new DataRecipe("timeseries", Map.of("path", file.toString(), "target", "passengers", "window", window,
                "horizon", horizon));
    }

    @Test
    void airPassengersSplitsTheSeriesBeforeCuttingWindows() {
        Samples.Split s = TimeSeriesData.load(recipe(AIR, 24, 12), AIR, 0.2, 0.2);
        // 144 months: 29 for test, 29 for validation, 86 for training.
        assertEquals(86 - 24 - 12 + 1, s.train().size());
        assertEquals(29 - 12 + 1, s.validation().size());
        assertEquals(29 - 12 + 1, s.test().size());
        assertTrue(s.test().ordered());
        assertEquals(org.netwright.model.shape.Shape.of(24, 1), s.train().require("window").field().shape());
        assertEquals(12, s.train().require("target").field().shape().size());
        // The training stretch is standardized to mean 0 (its first window is the start of the series).
        float[] w = s.train().require("window").values();
        double mean = 0;
        for (int i = 0; i < 24; i++) {
            mean += w[i];
        }
        assertTrue(mean / 24 < -0.5, "the first two years lie below the training stretch's mean");
        // The last training target ends on the last training month (index 85); it equals that month standardized.
        float[] y = s.train().require("target").values();
        float[] firstValWindow = s.validation().require("window").values();
        assertEquals(y[y.length - 1], firstValWindow[23], 1e-6);
        assertTrue(s.train().scale("target") > 50, "the scale is the training stretch's deviation in passengers");
    }

    @Test
    void statisticsArePinnedIntoTheRecipeAndReused() {
        DataRecipe pinned = TimeSeriesData.pinStatistics(recipe(AIR, 24, 1), AIR, 0.2, 0.2);
        String stats = pinned.options().get(TimeSeriesData.STANDARDIZATION).toString();
        assertTrue(stats.startsWith("passengers:"), stats);
        Samples a = TimeSeriesData.load(recipe(AIR, 24, 1), AIR, 0.2, 0.2).test();
        Samples b = TimeSeriesData.load(pinned, AIR, 0.2, 0.2).test();
        assertEquals(a.require("target").values()[5], b.require("target").values()[5], 1e-6);
    }

    @Test
    void byteOrderMarkAndUnsortedYearsAreRead() throws IOException {
        Path f = dir.resolve("years.csv");
        StringBuilder text = new StringBuilder("\uFEFFyear,value\n");
        for (int y = 1999; y >= 1950; y--) {
            text.append(y).append(',').append(y - 1950).append('\n');
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
        DataRecipe r = new DataRecipe("timeseries", Map.of("path", f.toString(), "target", "value", "window", 5,
                "horizon", 1));
        Samples.Split s = TimeSeriesData.load(r, f, 0.2, 0.2);
        float[] y = s.train().require("target").values();
        assertTrue(y[1] > y[0], "sorted by year, the values rise");
    }

    @Test
    void badSeriesAreRefusedNamingWhereAndWhat() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "month,passengers\n2000-01,1\n2000-02,2\n2000-03,x\n");
        var e = assertThrows(DataFileException.class, () -> TimeSeriesData.load(recipe(f, 1, 1), f, 0, 0));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("'passengers'")
                && e.getMessage().contains("'x'"), e.getMessage());

        e = assertThrows(DataFileException.class, () -> TimeSeriesData.load(new DataRecipe("timeseries",
                Map.of("path", AIR.toString(), "target", "sales")), AIR, 0.2, 0.2));
        assertTrue(e.getMessage().contains("no column 'sales'") && e.getMessage().contains("month, passengers"),
                e.getMessage());

        e = assertThrows(DataFileException.class, () -> TimeSeriesData.load(recipe(AIR, 100, 12), AIR, 0.2, 0.2));
        assertTrue(e.getMessage().contains("144 rows") && e.getMessage().contains("at least one window"),
                e.getMessage());

        Files.writeString(f, "month,passengers\n2000-01,1\n2000-02,2\n2000-04,3\n2000-05,4\n");
        e = assertThrows(DataFileException.class, () -> TimeSeriesData.load(recipe(f, 1, 1), f, 0, 0));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("2000-04")
                && e.getMessage().contains("gap of 1 months"), e.getMessage());

        Files.writeString(f, "month,passengers\n2000-01,1\n2000-02,2\n2000-02,3\n2000-03,4\n");
        e = assertThrows(DataFileException.class, () -> TimeSeriesData.load(recipe(f, 1, 1), f, 0, 0));
        assertTrue(e.getMessage().contains("2000-02 is given twice"), e.getMessage());
    }
}
