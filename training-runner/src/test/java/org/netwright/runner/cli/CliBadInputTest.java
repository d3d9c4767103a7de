package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input ends with status 2 and exactly one line on stderr that starts with "netwright: ". */
class CliBadInputTest {
    @TempDir
    static Path dir;

    private static void assertOneLineError(CliRunner r, String expectedFragment) {
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("netwright: "), lines.get(0));
        assertTrue(lines.get(0).contains(expectedFragment), lines.get(0) + " should mention " + expectedFragment);
        assertTrue(!r.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "|no command given",
        "frobnicate|unknown command 'frobnicate'",
        "templates --verbose|unknown option '--verbose'",
        "templates extra|takes no arguments",
        "catalog --verbose|unknown option '--verbose'",
        "catalog --json=yes|unknown option '--json'",
        "catalog conv2d|catalog takes no arguments but --json; got 'conv2d'",
        "summary|name either --template ID",
        "summary --template nope|unknown template 'nope'",
        "summary missing.nwproj|there is no file missing.nwproj",
        "summary --template two-moons-mlp --depth 3|unknown option '--depth'",
        "summary --template two-moons-mlp extra.json|name either --template ID",
        "train|name either --template ID",
        "train --template nope|unknown template 'nope'",
        "train missing.nwproj|there is no file missing.nwproj",
        "train --template two-moons-mlp --epochs ten|--epochs must be a whole number",
        "train --template two-moons-mlp --epochs 0|--epochs must be a whole number from 1",
        "train --template two-moons-mlp --batch-size 1.5|--batch-size must be a whole number",
        "train --template two-moons-mlp --lr fast|--lr must be a number",
        "train --template two-moons-mlp --seed x|--seed must be a whole number",
        "train --template two-moons-mlp --epochs|--epochs needs a value",
        "train --template two-moons-mlp --shuffle|unknown option '--shuffle'",
        "train --template two-moons-mlp --json --events|choose one of --json and --events",
        "train --template two-moons-mlp --data missing.csv|there is no data file missing.csv",
        "train --template two-moons-mlp --save out.txt|--save needs a file name ending in .nwproj",
        "train --template two-moons-mlp --data gen:spirals|unknown generator 'spirals' in --data; known: two_moons, shapes",
        "train --template two-moons-mlp --data gen:two_moons:noise|generator options in --data are KEY=VALUE",
        "train --template two-moons-mlp --data gen:two_moons:noise=lots|Generator option 'noise' must be a number",
        "train --template alexnet|alexnet has no data of its own: it expects 3×224×224 colour images in 1000 classes",
        "train --template vgg16 --epochs 1|vgg16 has no data of its own",
        "train --template resnet18 --json|resnet18 has no data of its own",
        "train missing.json|there is no file missing.json",
    })
    void badInputFailsWithOneLine(String row) {
        String[] parts = row.split("\\|");
        String[] args = parts[0].isBlank() ? new String[0] : parts[0].split(" ");
        assertOneLineError(CliRunner.run(args), parts[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "train"})
    void aFileThatIsNotAProjectIsRefusedCalmly(String command) throws IOException {
        Path fake = Files.writeString(dir.resolve(command + "-fake.nwproj"), "not a database");
        CliRunner r = CliRunner.run(command, fake.toString());
        assertOneLineError(r, fake.getFileName().toString());
        assertEquals("not a database", Files.readString(fake), "file left untouched");
    }

    @org.junit.jupiter.api.Test
    void aBrokenGraphFileIsNamed() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\":\"something-else\"}");
        assertOneLineError(CliRunner.run("summary", bad.toString()), "bad.json");
    }

    @org.junit.jupiter.api.Test
    void dataOfTheWrongShapeNamesBothShapes() throws IOException {
        Path csv = Files.writeString(dir.resolve("three.csv"), "a,b,c,label\n1,2,3,x\n4,5,6,y\n7,8,9,x\n");
        // A template is fitted to the data; the user's own graph is not, so its input is named with the data's shape.
        Path graph = Files.writeString(dir.resolve("mlp.json"), org.netwright.model.json.GraphJson.write(
                org.netwright.templates.TemplateLibrary.find("two-moons-mlp").orElseThrow().graph()));
        assertOneLineError(CliRunner.run("train", graph.toString(), "--data", csv.toString()),
                "The data's samples are a vector of 3 but the input layer 'input' expects a vector of 2. To fix it,"
                        + " click 'input' and set its Features to 3, or choose data with 2 numbers per sample.");
    }

    @org.junit.jupiter.api.Test
    void aCsvWithTextInAFeatureColumnNamesTheCellUnderMissingError() throws IOException {
        StringBuilder rows = new StringBuilder("a,b,label\n");
        for (int r = 0; r < 20; r++) {
            rows.append(r).append(',').append(r == 1 ? "oops" : String.valueOf(r)).append(',').append(r % 2).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("text.csv"), rows.toString());
        assertOneLineError(CliRunner.run("train", "--template", "two-moons-mlp", "--data", csv.toString(), "--missing",
                "error"), "line 3: column 'b' must be a number, but is 'oops'");
    }

    @org.junit.jupiter.api.Test
    void anInvalidGraphIsSummarisedThenRefusedWithItsFirstProblem() throws IOException {
        Path g = Files.writeString(dir.resolve("invalid.json"), """
                {"format":"netwright-graph","version":1,
                 "nodes":[{"id":"input","type":"image_input","x":0,"y":0,"params":{}},
                          {"id":"d","type":"dense","x":200,"y":0,"params":{"units":4}}],
                 "edges":[{"from":"input.out","to":"d.in"}]}
                """);
        CliRunner r = CliRunner.run("summary", g.toString());
        assertOneLineError(r, "the graph is not valid: d (Dense)");
        assertTrue(r.out().contains("d (dense)"), r.out());
    }

    @org.junit.jupiter.api.Test
    void eventsModeAlsoReportsBadInputAsAFailedEvent() {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", "missing.csv", "--events");
        assertOneLineError(r, "there is no data file missing.csv");
        assertEquals(List.of("{\"type\":\"failed\",\"message\":\"there is no data file missing.csv\"}"), r.outLines());
    }
}
