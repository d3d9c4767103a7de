package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.runner.data.ImageFolderDataTest;

/** {@code train --data} with the user's own files: IDX (plain and gzipped), image folders and graph tables. */
class CliOwnDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path shared(String sub) {
        String configured = System.getProperty("netwright.data");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).resolve(sub);
    }

    private static JsonNode finalLine(CliRunner r) throws IOException {
        List<String> lines = r.outLines();
        return JSON.readTree(lines.get(lines.size() - 1)).get("final");
    }

    /** The shared digits' four IDX files gzipped into {@code dir}, with the {@code .gz} ending. */
    private Path gzippedDigits() throws IOException {
        Path digits = shared("digits");
        assumeTrue(Files.isRegularFile(digits.resolve("train-images-idx3-ubyte")), "digits not found at " + digits);
        Path out = Files.createDirectories(dir.resolve("digits-gz"));
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(out.resolve(name + ".gz")))) {
                z.write(Files.readAllBytes(digits.resolve(name)));
            }
        }
        return out;
    }

    @Test
    @Tag("training")
    void lenet5TrainsOnGzippedDigitsInAFolderAndTestsOnTheirT10kFiles() throws IOException {
        Path folder = gzippedDigits();
        CliRunner r = CliRunner.run("train", "--template", "lenet5", "--data", folder.toString(), "--epochs", "15",
                "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("fitted lenet5 to the data: the images are resized from 8×8 to 32×32"), r.err());
        assertTrue(r.err().contains("1437 for training and validation, 360 in t10k-images-idx3-ubyte.gz for testing"),
                r.err());
        JsonNode last = finalLine(r);
        System.out.println("lenet5 on gzipped digits IDX: " + last);
        assertTrue(last.get("test_accuracy").asDouble() >= 0.903, last.toString());
    }

    @Test
    @Tag("training")
    void lenet5TrainsOnDigitsWrittenAsAnImageFolder() throws IOException {
        assumeTrue(Files.isRegularFile(shared("digits").resolve("digits.csv")));
        Path folder = ImageFolderDataTest.writeDigits(dir.resolve("digits-png"), false, 1);
        CliRunner r = CliRunner.run("train", "--template", "lenet5", "--data", folder.toString(), "--epochs", "15",
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode last = finalLine(r);
        System.out.println("lenet5 on digits as PNG folders: " + last);
        assertTrue(last.get("test_accuracy").asDouble() >= 0.903, last.toString());
    }

    @Test
    @Tag("training")
    void theCommunitiesTemplateLearnsTheKarateClubFromEvenNodesAndTestsOnOddOnes() throws IOException {
        Path edges = shared("graph").resolve("karate_edges.csv");
        assumeTrue(Files.isRegularFile(edges), "karate club data not found at " + edges);
        Files.copy(edges, dir.resolve("karate_edges.csv"));
        List<String> lines = Files.readAllLines(shared("graph").resolve("karate_nodes.csv"));
        StringBuilder nodes = new StringBuilder(lines.get(0).strip() + ",split\n");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                int id = Integer.parseInt(line.split(",")[0].strip());
                nodes.append(line.strip()).append(id % 2 == 0 ? ",train\n" : ",test\n");
            }
        }
        Files.writeString(dir.resolve("karate_nodes.csv"), nodes);
        CliRunner r = CliRunner.run("train", "--template", "communities-gcn", "--data",
                dir.resolve("karate_edges.csv").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("nodes 100 -> 34") && r.err().contains("4 -> 2"), r.err());
        JsonNode last = finalLine(r);
        System.out.println("communities-gcn on karate, even nodes train, odd test: " + last);
        assertTrue(last.get("test_accuracy").asDouble() >= 0.941, last.toString());
    }

    @Test
    void aGivenTestSetIsRefusedWhereItCannotApply() throws IOException {
        Path series = Files.writeString(dir.resolve("s.csv"), "t,y\n1,2\n2,3\n");
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", series.toString(), "--target", "y",
                "--test", series.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--test does not apply to a time series"), r.err());
        r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", "gen:two_moons", "--test", series.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("a generator splits its own samples"), r.err());
        r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", series.toString(), "--test",
                dir.resolve("none.csv").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("there is no test set"), r.err());
        r = CliRunner.run("train", "--template", "two-moons-mlp", "--test", series.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("give --data too"), r.err());
    }

    @Test
    void aSeparateCsvTestSetReplacesTheTestSplit() throws IOException {
        StringBuilder train = new StringBuilder("a,b,c,label\n");
        StringBuilder test = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 40; i++) {
            // Column a follows the label but does not restate it one to one (a table reader would take such a
            // column for the label's names).
            train.append(i % 2 == 0 ? i % 3 : 5 + i % 3).append(',').append(i).append(",1,").append(i % 2).append('\n');
        }
        for (int i = 0; i < 7; i++) {
            test.append(i % 2 == 0 ? i % 3 : 5 + i % 3).append(',').append(i).append(",1,").append(i % 2).append('\n');
        }
        Path trainFile = Files.writeString(dir.resolve("train.csv"), train);
        Path testFile = Files.writeString(dir.resolve("test.csv"), test);
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", trainFile.toString(), "--test",
                testFile.toString(), "--epochs", "1", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("fitted two-moons-mlp to the data: input: features 2 -> 3"), r.err());
        assertTrue(finalLine(r).has("test_accuracy"), r.out());
    }
}
