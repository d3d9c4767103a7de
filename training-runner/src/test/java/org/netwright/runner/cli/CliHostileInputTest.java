package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.TemplateLibrary;

/**
 * Hostile and oversized inputs of issue 10: each ends in status 2 and one clear line on stderr, never a
 * stack trace, an OutOfMemoryError or a hang, before anything large is read or allocated.
 */
class CliHostileInputTest {
    @TempDir
    Path dir;

    private static void assertRefused(CliRunner r, String fragment) {
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("netwright: "), lines.get(0));
        assertTrue(lines.get(0).contains(fragment), lines.get(0) + " should mention " + fragment);
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat ") || r.err().contains("Exception"),
                r.err());
        assertTrue(r.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), "raw control characters: " + r.err());
    }

    private Path graphFile(String text) throws IOException {
        return Files.writeString(dir.resolve("g.json"), text);
    }

    private static final String GOOD = "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":"
            + "[{\"id\":\"ID\",\"type\":\"dense\",\"params\":{\"units\":2}}],\"edges\":[]}";

    @Test
    void graphJsonWithTextAfterItOrASecondObjectIsRefused() throws IOException {
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "a") + " trailing words").toString()),
                "not valid JSON");
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "a") + GOOD.replace("ID", "b")).toString()),
                "not valid JSON");
    }

    @Test
    void aHugeVersionIsReportedAsItIs() throws IOException {
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "a").replace("\"version\":1",
                "\"version\":100000000000000000000000000")).toString()), "graph format version 100000000000000000000000000");
    }

    @Test
    void idsAreBoundedInLengthAndCharacters() throws IOException {
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "x".repeat(70_000))).toString()),
                "\"id\" of 70000 characters; at most 100");
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "blk/inner")).toString()),
                "characters other than letters, digits");
        assertRefused(CliRunner.run("summary", graphFile(GOOD.replace("ID", "a\\u001b[31mred\\nfake line")).toString()),
                "characters other than letters, digits");
    }

    @Test
    void controlCharactersInMessagesArePrintedEscaped() {
        assertEquals("a\\u001b[31m b\\u202e", Cli.printable("a\u001b[31m b\u202e"));
        assertEquals("plain text, accents é and emoji \uD83D\uDE00", Cli.printable("plain text, accents é and emoji \uD83D\uDE00"));
        assertEquals("line one line two \\u0007 end", Cli.oneLine("line one\nline two \u0007 end"));
    }

    @Test
    void generatorsAskedForTooMuchAreRefusedWithTheLimit() {
        assertRefused(CliRunner.run("train", "--template", "two-moons-mlp", "--data", "gen:two_moons:samples=2000000000"),
                "'samples' must be a whole number from 1 to 10,000,000");
        assertRefused(CliRunner.run("train", "--template", "shapes-cnn", "--data", "gen:shapes:size=8192"),
                "'size' must be a whole number from 1 to 1,024");
        assertRefused(CliRunner.run("train", "--template", "shapes-cnn", "--data", "gen:shapes:size=1024,samples=9000000"),
                "give Java more memory");
        assertRefused(CliRunner.run("train", "--template", "two-moons-mlp", "--data", "gen:two_moons:samples=12.5"),
                "must be a whole number");
    }

    private Path idxImages() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x803);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(2);
            out.write(new byte[8]);
        }
        return Files.write(dir.resolve("t-images-idx3-ubyte"), bytes.toByteArray());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aPipeAsTheLabelsFileIsRefusedInsteadOfWaitedOn() throws Exception {
        Path images = idxImages();
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("t-labels-idx1-ubyte").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertRefused(CliRunner.run("train", "--template", "lenet5", "--data", images.toString()),
                "is not a regular file (it is a folder, a device or a pipe)");
    }

    @Test
    void aLabelsFileLinkedToDevZeroIsRefused() throws Exception {
        Path images = idxImages();
        Files.createSymbolicLink(dir.resolve("t-labels-idx1-ubyte"), Path.of("/dev/zero"));
        assertRefused(CliRunner.run("train", "--template", "lenet5", "--data", images.toString()),
                "is not a regular file");
    }

    @Test
    void aProjectWhoseDataPathIsADeviceIsRefused() {
        Path project = dir.resolve("p.nwproj");
        var t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        ProjectStore.create(project, s -> {
            s.saveGraph(t.graph(), "template");
            s.saveSettings(t.settings().withData(DataRecipe.file("csv", "/dev/zero")));
        }).close();
        assertRefused(CliRunner.run("train", project.toString()), "/dev/zero is not a regular file");
    }

    @Test
    void aNodeTableTooLargeForADenseAdjacencyIsRefusedBeforeAllocating() throws IOException {
        StringBuilder nodes = new StringBuilder("id,label\n");
        for (int i = 0; i < 40_000; i++) {
            nodes.append(i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("big_nodes.csv"), nodes);
        Path edges = Files.writeString(dir.resolve("big_edges.csv"), "source,target\n0,1\n");
        assertRefused(CliRunner.run("train", "--template", "communities-gcn", "--data", edges.toString()),
                "40000 nodes would hold 3,200,000,000 values");
    }

    @Test
    void aLineLongerThanAMegabyteIsRefusedBeforeItFillsMemory() throws IOException {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "a,label\n" + "1".repeat(3 << 20) + ",0\n");
        assertRefused(CliRunner.run("train", "--template", "two-moons-mlp", "--data", csv.toString()),
                "line 2 is longer than 1,048,576 characters");
    }
}
