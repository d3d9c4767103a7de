package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --interpolate A,B} on a trained VAE or autoencoder: its ends decode as the two samples' reconstructions. */
@Tag("training")
class CliInterpolateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void theEndsOfTheWalkAreTheReconstructionsOfItsTwoSamples() throws Exception {
        Path p = dir.resolve("vae.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "vae", "--epochs", "3", "--save", p.toString());
        assertEquals(0, t.status(), t.err());
        Path out = dir.resolve("walk");
        CliRunner g = CliRunner.run("generate", p.toString(), "--interpolate", "0,3", "--count", "7", "--out",
                out.toString(), "--json");
        assertEquals(0, g.status(), g.err());
        JsonNode answer = JSON.readTree(g.outLines().get(0));
        assertEquals("csv", answer.get("kind").asText());
        assertEquals("[0,3]", answer.get("interpolate").toString());
        List<String> rows = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(8, rows.size(), "a header and seven points");

        CliRunner r = CliRunner.run("inspect", p.toString(), "--what", "reconstructions", "--count", "4", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode rec = JSON.readTree(r.outLines().get(0)).get("outputs");
        double[] first = row(rows.get(1));
        double[] last = row(rows.get(7));
        for (int k = 0; k < 2; k++) {
            assertEquals(rec.get(k).asDouble(), first[k], 1e-4, "sample 0, value " + k);
            assertEquals(rec.get(3 * 2 + k).asDouble(), last[k], 1e-4, "sample 3, value " + k);
        }
        // The points between move from one end to the other, not all to one place.
        double[] middle = row(rows.get(4));
        assertTrue(Math.hypot(middle[0] - first[0], middle[1] - first[1]) > 1e-4
                && Math.hypot(middle[0] - last[0], middle[1] - last[1]) > 1e-4, rows.toString());

        // With --values the answer carries the same points, one row of seven (what the app's Interpolation tab draws).
        CliRunner v = CliRunner.run("generate", p.toString(), "--interpolate", "0,3", "--count", "7", "--out",
                dir.resolve("walk2").toString(), "--json", "--values");
        assertEquals(0, v.status(), v.err());
        JsonNode withValues = JSON.readTree(v.outLines().get(0));
        assertEquals(1, withValues.get("rows").asInt());
        assertEquals(7, withValues.get("cols").asInt());
        assertEquals("[2]", withValues.get("sample_shape").toString());
        assertEquals(14, withValues.get("values").size());
        for (int i = 0; i < 7; i++) {
            double[] csvRow = row(rows.get(1 + i));
            assertEquals(csvRow[0], withValues.get("values").get(2 * i).asDouble(), 1e-5);
            assertEquals(csvRow[1], withValues.get("values").get(2 * i + 1).asDouble(), 1e-5);
        }
        // The app lists the first test samples to pick the ends from; first:N stops at the test part's end.
        CliRunner firstFive = CliRunner.run("inspect", p.toString(), "--what", "samples", "--samples", "first:5", "--json");
        assertEquals(0, firstFive.status(), firstFive.err());
        JsonNode listed = JSON.readTree(firstFive.outLines().get(0));
        assertEquals(5, listed.get("samples").size());
        assertEquals(4, listed.get("samples").get(4).get("index").asInt());
        int size = listed.get("test_samples").asInt();
        CliRunner all = CliRunner.run("inspect", p.toString(), "--what", "samples", "--samples", "first:200", "--json");
        assertEquals(0, all.status(), all.err());
        assertEquals(Math.min(200, size), JSON.readTree(all.outLines().get(0)).get("samples").size());

        CliRunner bad = CliRunner.run("generate", p.toString(), "--interpolate", "0,100000", "--count", "3", "--out",
                out.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("there is no test sample 100000 to interpolate from") && bad.err()
                .contains("test part holds"), bad.err());
        // The app's Interpolation tab shows this line too: it names no flag.
        assertFalse(bad.err().contains("--"), bad.err());
        CliRunner wrong = CliRunner.run("generate", p.toString(), "--interpolate", "a", "--count", "3", "--out",
                out.toString());
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("two sample numbers"), wrong.err());
    }

    @Test
    void aPlainAutoencoderWalksBetweenItsCodes() throws Exception {
        Path p = dir.resolve("ae.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "autoencoder", "--epochs", "2", "--save", p.toString());
        assertEquals(0, t.status(), t.err());
        CliRunner g = CliRunner.run("generate", p.toString(), "--interpolate", "0,3", "--count", "5", "--out",
                dir.resolve("walk").toString(), "--json", "--values");
        assertEquals(0, g.status(), g.err());
        JsonNode answer = JSON.readTree(g.outLines().get(0));
        assertEquals("png", answer.get("kind").asText());
        int width = 1;
        for (JsonNode d : answer.get("sample_shape")) {
            width *= d.asInt();
        }
        JsonNode values = answer.get("values");
        assertEquals(5 * width, values.size());
        // The ends are the two samples' reconstructions, as the network itself gives them.
        CliRunner r = CliRunner.run("inspect", p.toString(), "--what", "reconstructions", "--count", "4", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode rec = JSON.readTree(r.outLines().get(0)).get("outputs");
        for (int k = 0; k < width; k += 17) {
            assertEquals(rec.get(k).asDouble(), values.get(k).asDouble(), 1e-4, "sample 0, value " + k);
            assertEquals(rec.get(3 * width + k).asDouble(), values.get(4 * width + k).asDouble(), 1e-4,
                    "sample 3, value " + k);
        }
        CliRunner classifier = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                dir.resolve("c.nwproj").toString());
        assertEquals(0, classifier.status(), classifier.err());
        CliRunner refused = CliRunner.run("generate", dir.resolve("c.nwproj").toString(), "--interpolate", "0,1",
                "--count", "3", "--out", dir.resolve("no").toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("VAE or an autoencoder") && refused.err().contains("without such a layer"),
                refused.err());
    }

    private static double[] row(String line) {
        String[] cells = line.split(",");
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = Double.parseDouble(cells[i]);
        }
        return v;
    }
}
