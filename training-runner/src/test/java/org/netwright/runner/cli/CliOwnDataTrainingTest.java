package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphJson;
import org.netwright.templates.DataNets;

/**
 * The user's own tables and texts trained through the command line against the baselines of the shared data's
 * README: a plain logistic regression on iris (0.978, one 70/30 split), wine (1.000), breast cancer (0.959), and a
 * TF-IDF logistic regression on the Austen passages (0.717 on the given test file).
 */
@Tag("training")
class CliOwnDataTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A plain logistic regression in PyTorch on the same five stratified 70/30 splits (seeds 1 to 5). */
    private static final double IRIS_LOGISTIC_MEAN = 0.951;
    private static final double WINE_LOGISTIC_MEAN = 0.977;
    @TempDir
    Path dir;

    private Path graph(String name, Graph g) throws IOException {
        return Files.writeString(dir.resolve(name + ".json"), GraphJson.write(g));
    }

    /** Trains with {@code --json} and returns the lines: a {@code data} line first, the {@code final} line last. */
    private static List<JsonNode> train(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.outLines()) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    private static double testAccuracy(List<JsonNode> lines) {
        return lines.get(lines.size() - 1).get("final").get("test_accuracy").asDouble();
    }

    /**
     * Test accuracies of the {@code mlp-tabular} template with its own defaults (only the split and the seed given) on
     * five stratified 70/30 splits (seeds 1 to 5).
     */
    private double[] fiveSplits(String file) throws IOException {
        Path csv = CliDataCommandTest.shared("tabular/" + file);
        assumeTrue(Files.isRegularFile(csv), "no shared data at " + csv);
        double[] out = new double[5];
        for (int seed = 1; seed <= 5; seed++) {
            List<JsonNode> lines = train("train", "--template", DataNets.MLP_TABULAR, "--data", csv.toString(),
                    "--split", "0.7,0,0.3", "--seed", String.valueOf(seed), "--json");
            JsonNode data = lines.get(0).get("data");
            assertEquals("label_id", data.get("label").asText());
            out[seed - 1] = testAccuracy(lines);
        }
        System.out.println(file + " test accuracy on seeds 1-5: " + java.util.Arrays.toString(out));
        return out;
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    /*
     * The README's logistic-regression figures come from one 70/30 split each; on 45 iris or 53 wine test rows one
     * error moves accuracy by 0.02, so a split decides them. The same logistic regression in PyTorch (L-BFGS, L2) on
     * five stratified 70/30 splits averages 0.951 on iris, 0.977 on wine and 0.985 on breast cancer: the template's
     * defaults must reach those means (they were 0.942 and 0.962 with plain Adam, dropout 0.1 and 100 epochs, which
     * fit the ~110 training rows to a loss near 0.007).
     */

    @Test
    void irisWithTheTemplatesDefaultsReachesTheLogisticRegressionMeanOnFiveSplits() throws IOException {
        double[] acc = fiveSplits("iris.csv");
        assertTrue(mean(acc) >= IRIS_LOGISTIC_MEAN, "mean " + mean(acc) + " of " + java.util.Arrays.toString(acc));
    }

    @Test
    void wineWithTheTemplatesDefaultsReachesTheLogisticRegressionMeanOnFiveSplits() throws IOException {
        double[] acc = fiveSplits("wine.csv");
        assertTrue(mean(acc) >= WINE_LOGISTIC_MEAN, "mean " + mean(acc) + " of " + java.util.Arrays.toString(acc));
    }

    @Test
    void breastCancerWithTheTemplatesDefaultsReachesTheBaselineOnFiveSplits() throws IOException {
        double[] acc = fiveSplits("breast_cancer.csv");
        assertTrue(mean(acc) >= 0.959, "mean " + mean(acc));
    }

    @Test
    void austenPassagesBeatTfIdfLogisticRegressionOnTheGivenTestFile() throws IOException {
        Path train = CliDataCommandTest.shared("text/austen_passages_train.csv");
        assumeTrue(Files.isRegularFile(train), "no shared data at " + train);
        List<JsonNode> lines = train("train", graph("text", DataNets.textClassifier(256, 10_000, 6)).toString(),
                "--data", train.toString(), "--text-column", "text", "--test",
                CliDataCommandTest.shared("text/austen_passages_test.csv").toString(), "--split", "0.9,0.1,0",
                "--epochs", "30", "--batch-size", "32", "--lr", "0.005", "--optimizer", "adamw", "--weight-decay", "0.05",
                "--early-stopping", "4", "--restore-best", "--json");
        JsonNode data = lines.get(0).get("data");
        assertEquals("texts", data.get("kind").asText());
        assertEquals(600, data.get("split").get("test").asInt());
        double accuracy = testAccuracy(lines);
        System.out.println("Austen passages test accuracy: " + accuracy);
        assertTrue(accuracy >= 0.717, "test accuracy " + accuracy);
    }

    @Test
    void aTableWithCategoryColumnsAndNaCellsTrains() throws IOException {
        // Penguin-like rows: the species follows the island and the bill; a tenth of the cells are NA.
        StringBuilder b = new StringBuilder("species,island,bill_mm,mass_g,sex\n");
        java.util.Random random = new java.util.Random(5);
        String[] species = {"Adelie", "Gentoo", "Chinstrap"};
        String[] islands = {"Torgersen", "Biscoe", "Dream"};
        for (int r = 0; r < 300; r++) {
            int s = r % 3;
            String island = random.nextDouble() < 0.8 ? islands[s] : islands[random.nextInt(3)];
            double bill = 38 + 5 * s + random.nextGaussian();
            double mass = 3700 + 600 * (s == 1 ? 1 : 0) + 200 * random.nextGaussian();
            b.append(species[s]).append(',').append(random.nextDouble() < 0.1 ? "NA" : island).append(',')
                    .append(random.nextDouble() < 0.1 ? "NA" : String.format(java.util.Locale.ROOT, "%.1f", bill))
                    .append(',').append(random.nextDouble() < 0.1 ? "" : String.format(java.util.Locale.ROOT, "%.0f", mass))
                    .append(',').append(random.nextBoolean() ? "male" : "female").append('\n');
        }
        Path csv = Files.writeString(dir.resolve("penguins.csv"), b.toString());
        CliRunner r = CliRunner.run("train", graph("p", DataNets.mlp(7, 3)).toString(), "--data", csv.toString(),
                "--epochs", "40", "--lr", "0.005", "--batch-size", "16");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Data: Label: the column 'species' (guessed from its name"), r.out());
        assertTrue(r.out().contains("One-hot encoded 2 text column(s) into 5 columns"), r.out());
        assertTrue(r.out().contains("missing cell(s) in island"), r.out());
        double accuracy = Double.parseDouble(r.out().replaceAll("(?s).*test_accuracy ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.9, r.out());
    }

    @Test
    void aRealValuedLabelTrainsAsARegressionReportedInItsOwnUnits() throws IOException {
        StringBuilder b = new StringBuilder("x1,x2,colour,price\n");
        java.util.Random random = new java.util.Random(3);
        String[] colours = {"red", "green", "blue"};
        for (int r = 0; r < 400; r++) {
            double x1 = 10 * random.nextDouble();
            double x2 = 10 * random.nextDouble() - 5;
            String c = colours[random.nextInt(3)];
            double price = 2 * x1 - x2 + (c.equals("red") ? 3 : 0) + 0.5 * random.nextGaussian();
            b.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%s,%.3f%n", x1, x2, c, price));
        }
        Path csv = Files.writeString(dir.resolve("prices.csv"), b.toString());
        List<JsonNode> lines = train("train", graph("r", DataNets.mlp(5, 1)).toString(), "--data", csv.toString(),
                "--label", "price", "--epochs", "40", "--lr", "0.005", "--batch-size", "16", "--json");
        assertEquals("regression", lines.get(0).get("data").get("task").asText());
        JsonNode fin = lines.get(lines.size() - 1).get("final");
        assertTrue(fin.get("test_r2").asDouble() > 0.95, fin.toString());
        // In the price's own units: the noise alone gives an MAE of 0.4; predicting the mean would give about 5.
        assertTrue(fin.get("test_mae").asDouble() < 1.0, fin.toString());
    }

    @Test
    void aTableOfTokenIdsFeedsATokenInputUnstandardized() throws IOException {
        // Each row: 8 ids from 4700 to 4979; the class is whether id 4979 occurs. Standardized, they would blur together.
        StringBuilder b = new StringBuilder("t0,t1,t2,t3,t4,t5,t6,t7,label\n");
        java.util.Random random = new java.util.Random(11);
        for (int r = 0; r < 600; r++) {
            boolean yes = r % 2 == 0;
            int at = random.nextInt(8);
            for (int i = 0; i < 8; i++) {
                b.append(yes && i == at ? 4979 : 4700 + random.nextInt(200)).append(',');
            }
            b.append(yes ? 1 : 0).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("ids.csv"), b.toString());
        Graph g = DataNets.textClassifier(8, 5000, 2);
        List<JsonNode> lines = train("train", graph("t", g).toString(), "--data", csv.toString(), "--epochs", "15",
                "--lr", "0.01", "--json");
        JsonNode data = lines.get(0).get("data");
        assertEquals("token_ids", data.get("fields").get(0).get("kind").asText());
        assertEquals(4980, data.get("fields").get(0).get("vocabulary").asInt());
        assertTrue(data.get("notices").toString().contains("they are not standardized"), data.toString());
        assertTrue(testAccuracy(lines) >= 0.9, lines.get(lines.size() - 1).toString());
    }
}
