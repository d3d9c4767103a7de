package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netwright data}: what a run would see, in words and as one line of JSON; and the table flags' refusals. */
class CliDataCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    static Path shared(String file) {
        String configured = System.getProperty("netwright.data");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).resolve(file);
    }

    @Test
    void irisAsJsonIsOneLineWithTheGuessedLabelClassesAndSplit() throws IOException {
        Path iris = shared("tabular/iris.csv");
        assumeTrue(Files.isRegularFile(iris));
        CliRunner r = CliRunner.run("data", iris.toString(), "--json", "--split", "0.7,0,0.3");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        JsonNode d = JSON.readTree(r.out());
        assertEquals("table", d.get("kind").asText());
        assertEquals(150, d.get("samples").asInt());
        assertEquals("label_id", d.get("label").asText());
        assertTrue(d.get("label_guessed").asBoolean());
        assertEquals("classification", d.get("task").asText());
        assertEquals("setosa", d.get("classes").get(0).get("name").asText());
        assertEquals(50, d.get("classes").get(0).get("count").asInt());
        assertEquals(4, d.get("features").size());
        assertEquals(105, d.get("split").get("train").asInt());
        assertEquals(45, d.get("split").get("test").asInt());
        assertTrue(d.get("imbalance").isNull());
    }

    @Test
    void aTableWithCategoriesAndGapsIsDescribedInWords() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), "species,island,mass\nA,Biscoe,10\nB,Dream,NA\nA,Biscoe,\n"
                + "B,Dream,31\nA,Dream,11\nB,Biscoe,29\n");
        CliRunner r = CliRunner.run("data", f.toString(), "--missing", "mode");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Label:     species (guessed, not given with --label)"), r.out());
        assertTrue(r.out().contains("Features:  3 (island=Biscoe, island=Dream, mass)"), r.out());
        assertTrue(r.out().contains("Missing:   2 cell(s), policy mode"), r.out());
        assertTrue(r.out().contains("Classes:   2 (A 3, B 3)"), r.out());
    }

    @Test
    void theFirstProblemIsReportedAsOneLineAndAsJson() throws IOException {
        Path f = Files.writeString(dir.resolve("y.csv"), "a,b,year\n1,2,2001\n2,3,2002\n");
        CliRunner r = CliRunner.run("data", f.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("has no column named like a label") && r.err().contains("--label COLUMN"), r.err());
        CliRunner j = CliRunner.run("data", f.toString(), "--json");
        assertEquals(2, j.status());
        assertTrue(JSON.readTree(j.out()).get("problem").asText().contains("--label COLUMN"), j.out());
    }

    @Test
    void flagsThatDoNotFitTheDataAreRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "a,label\n1,x\n2,y\n");
        assertTrue(CliRunner.run("data", f.toString(), "--tokenizer", "char").err()
                .contains("--tokenizer applies to texts"));
        assertTrue(CliRunner.run("data", f.toString(), "--missing", "guess").err()
                .contains("--missing takes drop, mean, mode or error; got 'guess'"));
        assertTrue(CliRunner.run("data", f.toString(), "--test", dir.resolve("none.csv").toString()).err()
                .contains("there is no test set"));
        assertTrue(CliRunner.run("train", "--template", "two-moons-mlp", "--label", "a").err()
                .contains("give --data too"));
    }

    @Test
    void austenPassagesAreTextsWithTheirTestFile() {
        Path train = shared("text/austen_passages_train.csv");
        assumeTrue(Files.isRegularFile(train));
        CliRunner r = CliRunner.run("data", train.toString(), "--text-column", "text", "--test",
                shared("text/austen_passages_test.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Kind:      texts"), r.out());
        assertTrue(r.out().contains("Field:     tokens: a vector of 256 token ids"), r.out());
        assertTrue(r.out().contains("Classes:   6 (Emma 600, "), r.out());
        assertTrue(r.out().contains("600 test"), r.out());
    }
}
