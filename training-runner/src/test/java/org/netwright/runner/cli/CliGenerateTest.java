package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}: trains a small template into a project with --save, then writes samples from it. */
@Tag("training")
class CliGenerateTest {
    @TempDir
    Path dir;

    private Path trained(String template, String... extra) {
        Path project = dir.resolve(template + ".nwproj");
        List<String> args = new java.util.ArrayList<>(List.of("train", "--template", template, "--save",
                project.toString()));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return project;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aGanWritesOneCsvRowOfTwoComponentsPerSample() throws IOException {
        Path project = trained("gan-2d", "--epochs", "2");
        Path out = dir.resolve("points");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "50", "--out", out.toString(),
                "--seed", "3", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("csv", o.get("kind").asText());
        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals("x1,x2", lines.get(0));
        assertEquals(51, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            assertEquals(2, v.length, line);
            assertTrue(Double.isFinite(Double.parseDouble(v[0])) && Double.isFinite(Double.parseDouble(v[1])), line);
        }
        // The same seed draws the same samples; another seed other ones.
        Path again = dir.resolve("again");
        assertEquals(0, CliRunner.run("generate", project.toString(), "--count", "50", "--out", again.toString(),
                "--seed", "3").status());
        assertEquals(lines, Files.readAllLines(again.resolve("samples.csv")));
        Path other = dir.resolve("other");
        assertEquals(0, CliRunner.run("generate", project.toString(), "--count", "50", "--out", other.toString(),
                "--seed", "4").status());
        assertTrue(!lines.equals(Files.readAllLines(other.resolve("samples.csv"))));
    }

    @Test
    void aVaeDecodesPriorSamplesIntoCsvRows() throws IOException {
        Path project = trained("vae", "--epochs", "2");
        Path out = dir.resolve("vae");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "20", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(21, lines.size());
        assertEquals(2, lines.get(5).split(",").length);
    }

    @Test
    void aDcganWritesOnePngImagePerSample() throws IOException {
        Path project = trained("dcgan", "--epochs", "1", "--data", "gen:segment_digits:samples=200,size=16");
        Path out = dir.resolve("digits");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "6", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<Path> pngs = files(out);
        assertEquals(6, pngs.size(), pngs.toString());
        BufferedImage image = ImageIO.read(pngs.get(0).toFile());
        assertEquals(16, image.getWidth());
        assertEquals(16, image.getHeight());
    }

    @Test
    void aLanguageModelWritesTokenSequencesWithTemperatureAndTopK() throws IOException {
        Path project = trained("gpt-mini", "--epochs", "1", "--data", "gen:patterned_text:samples=200");
        Path out = dir.resolve("text");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "3", "--out", out.toString(),
                "--temperature", "0.5", "--top-k", "3");
        assertEquals(0, r.status(), r.err());
        List<Path> texts = files(out);
        assertEquals(3, texts.size());
        String[] ids = Files.readString(texts.get(0)).trim().split(" ");
        assertTrue(ids.length > 2, String.join(" ", ids));
        for (String id : ids) {
            int v = Integer.parseInt(id);
            assertTrue(v >= 0, id);
        }
    }

    @Test
    void aConditionalGanDrawsTheAskedClassAndRefusesAnUnknownOne() throws IOException {
        Path project = trained("cgan", "--epochs", "1");
        Path out = dir.resolve("mode3");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "10", "--out", out.toString(),
                "--class", "3");
        assertEquals(0, r.status(), r.err());
        assertEquals(11, Files.readAllLines(out.resolve("samples.csv")).size());
        CliRunner bad = CliRunner.run("generate", project.toString(), "--count", "10", "--out", out.toString(),
                "--class", "8");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("from 0 to 7"), bad.err());
        CliRunner temperature = CliRunner.run("generate", project.toString(), "--count", "10", "--out",
                out.toString(), "--temperature", "0.5");
        assertEquals(2, temperature.status());
        assertTrue(temperature.err().contains("language models"), temperature.err());
        CliRunner grid = CliRunner.run("generate", project.toString(), "--count", "4", "--out",
                dir.resolve("grid").toString(), "--per-class", "--json", "--values");
        assertEquals(0, grid.status(), grid.err());
        JsonNode o = new ObjectMapper().readTree(grid.outLines().get(0));
        assertEquals(8, o.get("rows").asInt(), "one row per class");
        assertEquals(4, o.get("cols").asInt());
        assertEquals(32, o.get("files").size() == 1 ? Files.readAllLines(dir.resolve("grid/samples.csv")).size() - 1
                : o.get("files").size());
        assertEquals(32 * 2, o.get("values").size(), "4 two-component samples for each of 8 classes");
    }

    @Test
    void aClassifierIsRefusedInOneLine() {
        Path project = trained("two-moons-mlp", "--epochs", "1");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "5", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("generates nothing"), r.err());
    }

    @Test
    void aProjectWithoutATrainedRunIsRefused() {
        Path project = dir.resolve("empty.nwproj");
        try (var store = org.netwright.model.store.ProjectStore.create(project)) {
            store.saveGraph(org.netwright.templates.TemplateLibrary.find("gan-2d").orElseThrow().graph(), "gan");
        }
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "5", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no trained run"), r.err());
    }

    @Test
    void aCharacterModelOfATextWritesCharacters() throws IOException {
        // gpt-mini sized for the text's characters, trained one epoch on Pride and Prejudice, saved as a graph file.
        Path text = Path.of("..", "..", "shared", "data", "text", "pride_and_prejudice_start.txt").toAbsolutePath()
                .normalize();
        var recipe = org.netwright.runner.data.DataSources.recipeFor(text);
        var settings = new org.netwright.model.settings.TrainingSettings(1, 64, 0.002, "adam", "auto", 1, 0.1, 0.1, recipe);
        var pinned = org.netwright.runner.data.DataSources.withPinnedVocabulary(settings, Path.of("."));
        int size = org.netwright.runner.data.TextData.pinnedVocabulary(pinned.data()).size();
        var graph = org.netwright.runner.recipe.CharTextRecipeTest.sized(
                org.netwright.templates.TemplateLibrary.find("gpt-mini").orElseThrow().graph(), size);
        Path graphFile = dir.resolve("gpt.json");
        Files.writeString(graphFile, org.netwright.model.json.GraphJson.write(graph));
        Path project = dir.resolve("austen.nwproj");
        CliRunner train = CliRunner.run("train", graphFile.toString(), "--data", text.toString(), "--epochs", "1",
                "--batch-size", "64", "--lr", "0.002", "--split", "0.8,0.1,0.1", "--save", project.toString(), "--json");
        assertEquals(0, train.status(), train.err());
        Path out = dir.resolve("text");
        CliRunner r = CliRunner.run("generate", project.toString(), "--count", "2", "--out", out.toString(),
                "--temperature", "0.8", "--top-k", "10");
        assertEquals(0, r.status(), r.err());
        String written = Files.readString(files(out).get(0));
        assertTrue(written.strip().length() > 20, written);
        assertTrue(written.chars().anyMatch(Character::isLetter) && !written.strip().matches("[0-9 ]+"),
                "characters, not ids: " + written);
    }
}
