package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate}, {@code predict} and {@code explain} on projects trained by the CLI: the JSON contract (one object
 * on one line), agreement with the training's own test figures, and input read as the training data were.
 */
@Tag("training")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliInsightTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private Path shapes;
    private JsonNode shapesFinal;
    private Path iris;

    @BeforeAll
    void train() throws IOException {
        shapes = dir.resolve("shapes.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "shapes-cnn", "--epochs", "3", "--save", shapes.toString(),
                "--json");
        assertEquals(0, r.status(), r.err());
        shapesFinal = JSON.readTree(r.outLines().get(r.outLines().size() - 1)).get("final");
        Path graph = dir.resolve("iris-graph.json");
        Files.writeString(graph, "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
                + "{\"id\":\"x\",\"type\":\"vector_input\",\"x\":0,\"y\":0,\"params\":{\"features\":4}},"
                + "{\"id\":\"h\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":16}},"
                + "{\"id\":\"a\",\"type\":\"relu\",\"x\":0,\"y\":0,\"params\":{}},"
                + "{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":3}}],"
                + "\"edges\":[{\"from\":\"x.out\",\"to\":\"h.in\"},{\"from\":\"h.out\",\"to\":\"a.in\"},"
                + "{\"from\":\"a.out\",\"to\":\"out.in\"}]}");
        String configured = System.getProperty("netwright.data");
        Path data = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Files.copy(data.resolve("tabular").resolve("iris.csv"), dir.resolve("iris.csv"));
        iris = dir.resolve("iris.nwproj");
        CliRunner t = CliRunner.run("train", graph.toString(), "--data", dir.resolve("iris.csv").toString(),
                "--epochs", "40", "--save", iris.toString(), "--json");
        assertEquals(0, t.status(), t.err());
    }

    private static JsonNode oneJsonLine(CliRunner r) throws IOException {
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        return JSON.readTree(r.outLines().get(0));
    }

    /** A 16×16 grey PNG of a bright filled square on a dark ground, like the shapes generator's squares. */
    private Path squarePng(int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = x >= size / 4 && x < size * 3 / 4 && y >= size / 4 && y < size * 3 / 4;
                img.getRaster().setSample(x, y, 0, in ? 230 : 20);
            }
        }
        Path p = dir.resolve("square" + size + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void evaluateRepeatsTheTrainingsTestFiguresAndItsConfusionMatrixAddsUp() throws IOException {
        JsonNode o = oneJsonLine(CliRunner.run("evaluate", shapes.toString(), "--json"));
        assertEquals(shapesFinal.get("test_loss").asDouble(), o.get("loss").asDouble(), 1e-5);
        assertEquals(shapesFinal.get("test_accuracy").asDouble(), o.get("accuracy").asDouble(), 1e-9);
        assertFalse(o.has("test_accuracy"), "metrics have no prefix: " + o);
        assertEquals(3, o.get("classes").size());
        int n = o.get("samples").asInt();
        long all = 0;
        long right = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode row = o.get("confusion").get(i);
            long rowSum = 0;
            for (int j = 0; j < 3; j++) {
                rowSum += row.get(j).asLong();
            }
            assertEquals(rowSum, o.get("per_class").get(i).get("count").asLong());
            all += rowSum;
            right += row.get(i).asLong();
        }
        assertEquals(n, all);
        assertEquals(o.get("accuracy").asDouble(), (double) right / n, 1e-9);
        CliRunner text = CliRunner.run("evaluate", shapes.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("confusion"), text.out());
    }

    @Test
    void predictReadsAnImageOfAnySizeAndSortsTheClassesByProbability() throws IOException {
        for (int size : new int[] {16, 40}) {
            JsonNode o = oneJsonLine(CliRunner.run("predict", shapes.toString(), "--input", squarePng(size).toString(),
                    "--top-k", "3", "--json"));
            JsonNode p = o.get("predictions");
            assertEquals(3, p.size());
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += p.get(i).get("probability").asDouble();
                if (i > 0) {
                    assertTrue(p.get(i - 1).get("probability").asDouble() >= p.get(i).get("probability").asDouble());
                }
            }
            assertEquals(1.0, sum, 1e-4);
            // The shapes generator's class 1 is the square.
            assertEquals("1", p.get(0).get("class").asText(), o.toString());
        }
        JsonNode top1 = oneJsonLine(CliRunner.run("predict", shapes.toString(), "--input", squarePng(16).toString(),
                "--top-k", "1", "--json"));
        assertEquals(1, top1.get("predictions").size());
    }

    @Test
    void explainDrawsEveryMethodAndGivesAnArrayShapedLikeTheImage() throws IOException {
        Path png = squarePng(16);
        for (String method : List.of("saliency", "smoothgrad", "integrated-gradients", "gradcam")) {
            Path map = dir.resolve("maps").resolve(method + ".png");
            JsonNode o = oneJsonLine(CliRunner.run("explain", shapes.toString(), "--input", png.toString(), "--method",
                    method, "--out", map.toString(), "--json"));
            assertEquals(method, o.get("method").asText());
            assertEquals("1", o.get("class").asText());
            JsonNode a = o.get("attribution");
            assertEquals(1, a.size());
            assertEquals(16, a.get(0).size());
            assertEquals(16, a.get(0).get(0).size());
            BufferedImage drawn = ImageIO.read(map.toFile());
            assertTrue(drawn.getWidth() >= 16 && drawn.getWidth() == drawn.getHeight(), method);
        }
        JsonNode other = oneJsonLine(CliRunner.run("explain", shapes.toString(), "--input", png.toString(), "--method",
                "gradcam", "--layer", "conv2d_1", "--class", "2", "--out", dir.resolve("c.png").toString(), "--json"));
        assertEquals(2, other.get("class_id").asInt());
        JsonNode sample = oneJsonLine(CliRunner.run("explain", shapes.toString(), "--sample", "4", "--method",
                "saliency", "--out", dir.resolve("s.png").toString(), "--json"));
        assertEquals(4, sample.get("sample").asInt());
        assertTrue(sample.has("true_class"));
        assertEquals(16, sample.get("input").get(0).size());
        CliRunner both = CliRunner.run("explain", shapes.toString(), "--sample", "4", "--input", png.toString(),
                "--method", "saliency", "--out", dir.resolve("s.png").toString());
        assertEquals(2, both.status());
        CliRunner bad = CliRunner.run("explain", shapes.toString(), "--input", png.toString(), "--method", "gradcam",
                "--layer", "dense_2", "--out", dir.resolve("d.png").toString());
        assertEquals(2, bad.status());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("feature maps"), bad.err());
        CliRunner unknown = CliRunner.run("explain", shapes.toString(), "--input", png.toString(), "--method", "magic",
                "--out", dir.resolve("e.png").toString());
        assertEquals(2, unknown.status());
        CliRunner wrongClass = CliRunner.run("explain", shapes.toString(), "--input", png.toString(), "--method",
                "saliency", "--class", "7", "--out", dir.resolve("f.png").toString());
        assertEquals(2, wrongClass.status());
        assertTrue(wrongClass.err().contains("--class"), wrongClass.err());
    }

    @Test
    void aTableRunNamesItsClassesAndReadsRowsByColumnName() throws IOException {
        JsonNode e = oneJsonLine(CliRunner.run("evaluate", iris.toString(), "--json"));
        assertEquals(List.of("setosa", "versicolor", "virginica"), List.of(e.get("classes").get(0).asText(),
                e.get("classes").get(1).asText(), e.get("classes").get(2).asText()));
        JsonNode whole = oneJsonLine(CliRunner.run("evaluate", iris.toString(), "--data",
                dir.resolve("iris.csv").toString(), "--json"));
        assertEquals(150, whole.get("samples").asInt());
        // Columns in another order, with the label left out: read by name.
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "petal_width_cm,petal_length_cm,sepal_width_cm,sepal_length_cm\n0.2,1.4,3.5,5.1\n"
                + "2.3,5.2,3.0,6.7\n");
        JsonNode p = oneJsonLine(CliRunner.run("predict", iris.toString(), "--input", rows.toString(), "--json"));
        assertEquals(2, p.get("rows").size());
        assertEquals("setosa", p.get("rows").get(0).get("predictions").get(0).get("class").asText());
        Path row = dir.resolve("row.csv");
        Files.writeString(row, "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n");
        JsonNode x = oneJsonLine(CliRunner.run("explain", iris.toString(), "--input", row.toString(), "--method",
                "integrated-gradients", "--out", dir.resolve("bars.png").toString(), "--json"));
        assertEquals(4, x.get("attribution").size());
        assertEquals("setosa", x.get("class").asText());
        assertTrue(Files.size(dir.resolve("bars.png")) > 0);
        Path wrong = dir.resolve("wrong.csv");
        Files.writeString(wrong, "a,b,c,d\n1,2,3,4\n");
        CliRunner bad = CliRunner.run("predict", iris.toString(), "--input", wrong.toString(), "--json");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("sepal_length_cm"), bad.err());
        assertEquals("", bad.out());
    }

    @Test
    void aRegressionReportsErrorsAndPredictsValues() throws IOException {
        Path project = dir.resolve("regression.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "regression-mlp", "--epochs", "5", "--save",
                project.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode e = oneJsonLine(CliRunner.run("evaluate", project.toString(), "--json"));
        assertTrue(e.has("mae") && e.has("rmse") && e.has("r2") && e.has("loss"), e.toString());
        assertFalse(e.has("confusion"));
        Path rows = dir.resolve("points.csv");
        Files.writeString(rows, "x1,x2\n0.5,0.1\n");
        JsonNode p = oneJsonLine(CliRunner.run("predict", project.toString(), "--input", rows.toString(), "--json"));
        assertEquals(1, p.get("values").size());
        assertTrue(Double.isFinite(p.get("values").get(0).asDouble()));
    }

    private static void colourPng(Path file, int size, int level, java.util.Random r) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = Math.max(0, Math.min(255, level + r.nextInt(41) - 20));
                img.setRGB(x, y, (v << 16) | (Math.max(0, v - 30) << 8) | v);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void anImageFolderRunNamesItsClassesAfterTheFoldersAndResizesANewImage() throws IOException {
        java.util.Random r = new java.util.Random(4);
        Path folder = dir.resolve("light");
        for (int i = 0; i < 16; i++) {
            colourPng(folder.resolve("bright").resolve(i + ".png"), 8, 220, r);
            colourPng(folder.resolve("dark").resolve(i + ".png"), 8, 30, r);
            colourPng(folder.resolve("mid").resolve(i + ".png"), 8, 125, r);
        }
        Path graph = dir.resolve("light-graph.json");
        Files.writeString(graph, "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
                + "{\"id\":\"image\",\"type\":\"image_input\",\"x\":0,\"y\":0,\"params\":{\"channels\":3,"
                + "\"height\":8,\"width\":8}},"
                + "{\"id\":\"flat\",\"type\":\"flatten\",\"x\":0,\"y\":0,\"params\":{}},"
                + "{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":3}}],"
                + "\"edges\":[{\"from\":\"image.out\",\"to\":\"flat.in\"},{\"from\":\"flat.out\",\"to\":\"out.in\"}]}");
        Path project = dir.resolve("light.nwproj");
        CliRunner t = CliRunner.run("train", graph.toString(), "--data", folder.toString(), "--epochs", "150", "--lr", "0.02",
                "--save", project.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        JsonNode e = oneJsonLine(CliRunner.run("evaluate", project.toString(), "--json"));
        assertEquals("bright", e.get("classes").get(0).asText());
        assertEquals("dark", e.get("classes").get(1).asText());
        assertEquals("mid", e.get("classes").get(2).asText());
        // A folder of new images that lacks the class 'dark': its 'mid' images are still the run's class 2.
        Path fresh = dir.resolve("fresh");
        for (int i = 0; i < 6; i++) {
            colourPng(fresh.resolve("bright").resolve(i + ".png"), 8, 215, r);
            colourPng(fresh.resolve("mid").resolve(i + ".png"), 8, 130, r);
        }
        JsonNode f = oneJsonLine(CliRunner.run("evaluate", project.toString(), "--data", fresh.toString(), "--json"));
        assertEquals(12, f.get("samples").asInt());
        assertEquals(6, f.get("per_class").get(2).get("count").asInt(), f.toString());
        assertEquals(0, f.get("per_class").get(1).get("count").asInt(), f.toString());
        assertTrue(f.get("accuracy").asDouble() >= 0.9, f.toString());
        colourPng(fresh.resolve("grey").resolve("0.png"), 8, 100, r);
        CliRunner unknown = CliRunner.run("evaluate", project.toString(), "--data", fresh.toString(), "--json");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("grey"), unknown.err());
        Path big = dir.resolve("new-bright.png");
        colourPng(big, 20, 210, r);
        JsonNode p = oneJsonLine(CliRunner.run("predict", project.toString(), "--input", big.toString(), "--json"));
        assertEquals("bright", p.get("predictions").get(0).get("class").asText(), p.toString());
        JsonNode x = oneJsonLine(CliRunner.run("explain", project.toString(), "--input", big.toString(), "--method",
                "saliency", "--class", "dark", "--out", dir.resolve("light.png").toString(), "--json"));
        assertEquals("dark", x.get("class").asText());
        assertEquals(3, x.get("attribution").size());
        assertEquals(8, x.get("attribution").get(2).size());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRunner missing = CliRunner.run("evaluate", dir.resolve("none.nwproj").toString(), "--json");
        assertEquals(2, missing.status());
        assertEquals(1, missing.errLines().size());
        CliRunner noInput = CliRunner.run("predict", shapes.toString(), "--json");
        assertEquals(2, noInput.status());
        assertTrue(noInput.err().contains("--input"));
        CliRunner noFile = CliRunner.run("predict", shapes.toString(), "--input", dir.resolve("nope.png").toString());
        assertEquals(2, noFile.status());
        CliRunner noRun = CliRunner.run("evaluate", shapes.toString(), "--run", "99");
        assertEquals(2, noRun.status());
        assertTrue(noRun.err().contains("99"), noRun.err());
    }
}
