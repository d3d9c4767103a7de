package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.runner.export.DebianTorch;

/**
 * The exported {@code predict.py FILE} prints the same JSON line as {@code netwright predict PROJECT --input FILE
 * --json} on the same file: the same classes in the same order with probabilities within 1e-4, or the same values,
 * for a classifier on a table (columns named in another order, one row and several), an image classifier (a grey
 * image and colour ones, of the network's size and of another size), a regression, a text classifier (words) and a
 * character-level language model.
 */
@Tag("training")
class CliExportPredictParityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aTableClassifierPredictsTheSameInPytorch() throws Exception {
        DebianTorch.require();
        Path graph = Files.writeString(dir.resolve("iris-graph.json"), "{\"format\":\"netwright-graph\",\"version\":1,"
                + "\"nodes\":[{\"id\":\"x\",\"type\":\"vector_input\",\"x\":0,\"y\":0,\"params\":{\"features\":4}},"
                + "{\"id\":\"h\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":16}},"
                + "{\"id\":\"a\",\"type\":\"relu\",\"x\":0,\"y\":0,\"params\":{}},"
                + "{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":3}}],"
                + "\"edges\":[{\"from\":\"x.out\",\"to\":\"h.in\"},{\"from\":\"h.out\",\"to\":\"a.in\"},"
                + "{\"from\":\"a.out\",\"to\":\"out.in\"}]}");
        Files.copy(data().resolve("tabular").resolve("iris.csv"), dir.resolve("iris.csv"));
        Path exported = trainAndExport("iris", graph.toString(), "--data", dir.resolve("iris.csv").toString(),
                "--epochs", "20");
        Path rows = Files.writeString(dir.resolve("rows.csv"), "petal_width_cm,petal_length_cm,sepal_width_cm,"
                + "sepal_length_cm\n0.2,1.4,3.5,5.1\n2.3,5.2,3.0,6.7\n1.3,4.1,2.8,5.7\n");
        Path row = Files.writeString(dir.resolve("row.csv"), "sepal_length_cm,sepal_width_cm,petal_length_cm,"
                + "petal_width_cm,label\n6.0,2.9,4.5,1.5,versicolor\n");
        same("iris", exported, rows, "setosa");
        same("iris", exported, row, null);
    }

    @Test
    void anImageClassifierPredictsTheSameInPytorch() throws Exception {
        DebianTorch.require();
        Path exported = trainAndExport("shapes", "--template", "shapes-cnn", "--epochs", "2");
        JsonNode prep = MAPPER.readTree(exported.resolve("preprocessing.json").toFile());
        int side = prep.get("inputs").get(0).get("shape").get(1).asInt();
        same("shapes", exported, png("grey", side, side, BufferedImage.TYPE_BYTE_GRAY), null);
        same("shapes", exported, png("colour", side, side, BufferedImage.TYPE_INT_RGB), null);
        same("shapes", exported, png("larger", 40, 40, BufferedImage.TYPE_INT_RGB), null);
        same("shapes", exported, png("smaller-grey", 11, 13, BufferedImage.TYPE_BYTE_GRAY), null);
    }

    @Test
    void aRegressionPredictsTheSameValuesInPytorch() throws Exception {
        DebianTorch.require();
        Path exported = trainAndExport("regression", "--template", "regression-mlp", "--epochs", "3");
        same("regression", exported, Files.writeString(dir.resolve("points.csv"), "x1,x2\n0.5,0.1\n-1.2,0.7\n"), null);
        same("regression", exported, Files.writeString(dir.resolve("point.csv"), "x2,x1\n0.3,0.9\n"), null);
    }

    @Test
    void textsPredictTheSameInPytorch() throws Exception {
        DebianTorch.require();
        Path text = data().resolve("text");
        // Words through the run's vocabulary (an unknown word included), a text longer than the input (its last
        // words are read), and a character-level language model whose vocabulary the recipe holds.
        Path classifier = trainAndExport("austen", "--template", "text-classifier", "--data",
                text.resolve("austen_passages_train.csv").toString(), "--text-column", "text", "--label", "book",
                "--epochs", "2");
        Path shortText = Files.writeString(dir.resolve("short.txt"), "It is a truth universally acknowledged, that a"
                + " zyxwv man in possession of a good fortune must be in want of a wife.\n");
        same("austen", classifier, shortText, null);
        same("austen", classifier, Files.writeString(dir.resolve("long.txt"), (Files.readString(shortText) + " ")
                .repeat(12)), null);
        Path lm = trainAndExport("characters", "--template", "gpt-mini", "--data",
                text.resolve("pride_and_prejudice_start.txt").toString(), "--epochs", "1");
        same("characters", lm, Files.writeString(dir.resolve("begun.txt"), "It is a truth universally ackn"), null);
        same("characters", lm, shortText, null);
    }

    private static Path data() {
        String configured = System.getProperty("netwright.data");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    }

    private Path trainAndExport(String name, String... train) {
        Path project = dir.resolve(name + ".nwproj");
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(train));
        args.addAll(List.of("--save", project.toString()));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        Path out = dir.resolve(name + "-pytorch");
        r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        return out;
    }

    /** Runs both on {@code file} and compares their lines; {@code topClass}, when given, is the first row's class. */
    private void same(String name, Path exported, Path file, String topClass) throws IOException {
        CliRunner ours = CliRunner.run("predict", dir.resolve(name + ".nwproj").toString(), "--input", file.toString(),
                "--json");
        assertEquals(0, ours.status(), ours.err());
        DebianTorch.Result theirs = DebianTorch.run(dir, 300, DebianTorch.PYTHON,
                exported.resolve("predict.py").toString(), file.toString());
        assertEquals(0, theirs.exit(), theirs.err());
        assertEquals(1, ours.outLines().size(), ours.out());
        assertEquals(1, theirs.out().strip().split("\n").length, theirs.out());
        JsonNode a = MAPPER.readTree(ours.outLines().get(0));
        JsonNode b = MAPPER.readTree(theirs.out().strip());
        double worst = compare(a, b, file.getFileName().toString());
        System.out.printf("predict %s on %s: max |diff| %.3g%n  netwright: %s%n  predict.py: %s%n", name,
                file.getFileName(), worst, a, b);
        if (topClass != null) {
            assertEquals(topClass, a.get("rows").get(0).get("predictions").get(0).get("class").asText(), a.toString());
        }
    }

    /** The largest difference of two predict lines that must have the same form, classes and order. */
    private static double compare(JsonNode a, JsonNode b, String what) {
        assertEquals(fields(a), fields(b), what + ": " + a + " vs " + b);
        double worst = 0;
        if (a.has("rows")) {
            assertEquals(a.get("rows").size(), b.get("rows").size(), what);
            for (int i = 0; i < a.get("rows").size(); i++) {
                worst = Math.max(worst, compare(a.get("rows").get(i), b.get("rows").get(i), what + " row " + i));
            }
            return worst;
        }
        if (a.has("predictions")) {
            JsonNode pa = a.get("predictions");
            JsonNode pb = b.get("predictions");
            assertEquals(pa.size(), pb.size(), what);
            for (int i = 0; i < pa.size(); i++) {
                double d = Math.abs(pa.get(i).get("probability").asDouble() - pb.get(i).get("probability").asDouble());
                // Two classes whose probabilities are within 1e-4 of each other may come in either order.
                if (!pa.get(i).get("class").asText().equals(pb.get(i).get("class").asText())) {
                    assertTrue(d <= 1e-4, what + ": class " + i + " differs: " + a + " vs " + b);
                }
                worst = Math.max(worst, d);
            }
            assertTrue(worst <= 1e-4, what + ": probabilities differ by " + worst + ": " + a + " vs " + b);
            return worst;
        }
        JsonNode va = a.get("values");
        JsonNode vb = b.get("values");
        assertEquals(va.size(), vb.size(), what);
        for (int i = 0; i < va.size(); i++) {
            double d = Math.abs(va.get(i).asDouble() - vb.get(i).asDouble()) / Math.max(1, Math.abs(va.get(i).asDouble()));
            worst = Math.max(worst, d);
        }
        assertTrue(worst <= 1e-4, what + ": values differ by " + worst + ": " + a + " vs " + b);
        return worst;
    }

    private static List<String> fields(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A picture with a bright square and some noise, {@code type} grey or colour, of any size. */
    private Path png(String name, int width, int height, int type) throws IOException {
        BufferedImage img = new BufferedImage(width, height, type);
        Random r = new Random(name.hashCode());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean in = x >= width / 4 && x < width * 3 / 4 && y >= height / 4 && y < height * 3 / 4;
                int v = Math.max(0, Math.min(255, (in ? 220 : 30) + r.nextInt(31) - 15));
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    img.getRaster().setSample(x, y, 0, v);
                } else {
                    img.setRGB(x, y, (v << 16) | (Math.max(0, v - 40) << 8) | Math.min(255, v + 20));
                }
            }
        }
        Path p = dir.resolve(name + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
