package org.netwright.runner.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.cli.Cli;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Seeded fuzzing of everything Netwright reads from disk: project files, graph JSON, CSV and IDX data.
 * Each case mutates a valid input; reading it must end in the input's own refusal (or success), never
 * another exception, a stack trace or "internal error" on stderr, a changed input or a file left beside it.
 * The default number of cases fits the normal test run; {@code -Dnetwright.fuzz.cases=N} runs N per kind of
 * input and {@code -Dnetwright.fuzz.seed=S} replays a seed. A failure names the seed and the case.
 */
class InputFuzzTest {
    private static final int CASES = Integer.getInteger("netwright.fuzz.cases", 600);
    private static final long SEED = Long.getLong("netwright.fuzz.seed", 20261129L);

    @TempDir
    static Path dir;
    private static byte[] project;
    private static List<String> graphs;

    @BeforeAll
    static void validInputs() throws IOException {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Path file = dir.resolve("base.nwproj");
        try (ProjectStore store = ProjectStore.create(file, s -> {
            s.saveGraph(t.graph(), "template");
            s.saveSettings(t.settings());
        })) {
            long run = store.startRun(SettingsJson.write(t.settings()), "cpu");
            List<MetricPoint> points = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                points.add(new MetricPoint(i, 1 + i / 50, "train/loss", 1.0 / i, i * 0.01));
            }
            store.appendMetrics(run, points);
            store.saveCheckpoint(run, 4, new byte[20_000]);
            store.finishRun(run, "completed", "{}");
        }
        project = Files.readAllBytes(file);
        Files.delete(file);
        graphs = TemplateLibrary.all().stream().map(x -> GraphJson.write(x.graph())).toList();
    }

    /** One fresh folder per case, so that anything a case leaves behind is seen. */
    private static Path caseFolder(String kind, int i) throws IOException {
        return Files.createDirectories(dir.resolve(kind + "-" + i));
    }

    private static String where(String kind, int i, String what) {
        return kind + " case " + i + " (seed " + SEED + ", " + what + ")";
    }

    @Test
    void projectFiles() throws IOException {
        Random random = new Random(SEED);
        int refused = 0;
        int lateRefusals = 0;
        for (int i = 0; i < CASES; i++) {
            Path folder = caseFolder("project", i);
            Path file = folder.resolve("p.nwproj");
            StringBuilder what = new StringBuilder();
            Files.write(file, Mutations.bytes(project, random, what, true));
            if (random.nextInt(4) == 0) {
                Mutations.sql(file, random, what);
            }
            String at = where("project", i, what.toString());
            Map<String, byte[]> before = snapshot(folder);
            Run summary = cli("summary", file.toString());
            assertClean(summary, at);
            assertEquals(Map.of(), differences(before, snapshot(folder)), at + ": summary changed the folder");
            ProjectStore opened;
            try {
                opened = ProjectStore.open(file);
            } catch (ProjectFileException expected) {
                refused++;
                assertTrue(expected.getMessage().endsWith(".") || expected.getMessage().endsWith(")"), at + ": "
                        + expected.getMessage());
                assertEquals(Map.of(), differences(before, snapshot(folder)), at + ": a refused file was changed");
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError(at + ": " + e, e);
            }
            try (ProjectStore store = opened) {
                store.loadGraph();
                store.loadSettings();
                store.runs().forEach(r -> {
                    store.metrics(r.id());
                    store.latestCheckpoint(r.id());
                });
            } catch (ProjectFileException expected) {
                // Damage SQLite's quick check cannot see (in rows it does not read) is met later, in a sentence.
                lateRefusals++;
                assertTrue(expected.getMessage().endsWith(".") || expected.getMessage().endsWith(")"), at + ": "
                        + expected.getMessage());
            } catch (RuntimeException e) {
                fail(at + ": " + e, e);
            }
        }
        assertTrue(refused > CASES / 4, "too few mutations were refused (" + refused + "): the fuzzer is not biting");
        System.out.println("fuzz project files: " + CASES + " tried, " + refused + " refused on open in a sentence"
                + " (file unchanged), " + (CASES - refused) + " opened (" + lateRefusals + " of them refused a read"
                + " later in a sentence), 0 failed");
    }

    @Test
    void graphJson() throws IOException {
        Random random = new Random(SEED + 1);
        int refused = 0;
        for (int i = 0; i < CASES * 4; i++) {
            StringBuilder what = new StringBuilder();
            String text = Mutations.text(graphs.get(random.nextInt(graphs.size())), random, what);
            String at = where("graph", i, what.toString());
            try {
                GraphJson.read(text);
            } catch (GraphFormatException expected) {
                refused++;
                assertTrue(!expected.getMessage().isBlank(), at);
            } catch (RuntimeException e) {
                fail(at + ": " + e, e);
            }
            if (i % 8 == 0) {
                Path folder = caseFolder("graph", i);
                Path file = Files.write(folder.resolve("g.json"), text.getBytes(StandardCharsets.UTF_8));
                Map<String, byte[]> before = snapshot(folder);
                assertClean(cli("summary", file.toString()), at);
                assertEquals(Map.of(), differences(before, snapshot(folder)), at);
            }
        }
        System.out.println("fuzz graph JSON: " + CASES * 4 + " tried, " + refused + " refused in a sentence, "
                + (CASES * 4 - refused) + " read, 0 failed");
    }

    @Test
    void csvTables() throws IOException {
        Random random = new Random(SEED + 2);
        StringBuilder base = new StringBuilder("x1,x2,x3,label\n");
        for (int r = 0; r < 60; r++) {
            base.append(r % 7).append(',').append(r * 0.5).append(',').append(-r).append(',').append(r % 3 == 0 ? "cat" : "dog")
                    .append('\n');
        }
        int refusedData = 0;
        String edges = "source,target\n0,1\n1,2\n2,0\n";
        String nodes = "id,f,label\n0,1,a\n1,2,b\n2,3,a\n";
        for (int i = 0; i < CASES; i++) {
            Path folder = caseFolder("csv", i);
            StringBuilder what = new StringBuilder();
            int kind = random.nextInt(3);
            Path file;
            if (kind == 0) {
                file = Files.write(folder.resolve("t.csv"), Mutations.bytes(base.toString().getBytes(StandardCharsets.UTF_8),
                        random, what, false));
            } else {
                file = Files.write(folder.resolve("g_edges.csv"), (kind == 1 ? Mutations.text(edges, random, what)
                        : edges).getBytes(StandardCharsets.UTF_8));
                Files.write(folder.resolve("g_nodes.csv"), (kind == 2 ? Mutations.text(nodes, random, what) : nodes)
                        .getBytes(StandardCharsets.UTF_8));
            }
            refusedData += readData(folder, DataRecipe.file("csv", file.toString()), where("csv", i, what.toString()));
        }
        System.out.println("fuzz CSV: " + CASES + " tried, " + refusedData + " refused in a sentence, 0 failed");
    }

    @Test
    void idxFiles() throws IOException {
        Random random = new Random(SEED + 3);
        int refusedData = 0;
        int n = 20;
        ByteBuffer images = ByteBuffer.allocate(16 + n * 8 * 8).putInt(0x803).putInt(n).putInt(8).putInt(8);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int k = 0; k < n; k++) {
            labels.put((byte) (k % 4));
        }
        for (int i = 0; i < CASES; i++) {
            Path folder = caseFolder("idx", i);
            StringBuilder what = new StringBuilder();
            boolean imagesMutated = random.nextBoolean();
            Path file = Files.write(folder.resolve("d-images-idx3-ubyte"),
                    imagesMutated ? Mutations.bytes(images.array(), random, what, false) : images.array());
            Files.write(folder.resolve("d-labels-idx1-ubyte"),
                    imagesMutated ? labels.array() : Mutations.bytes(labels.array(), random, what, false));
            refusedData += readData(folder, DataRecipe.file("idx", file.toString()), where("idx", i, what.toString()));
        }
        System.out.println("fuzz IDX: " + CASES + " tried, " + refusedData + " refused in a sentence, 0 failed");
    }

    /** Reads the data; returns 1 when it was refused (as it may be), 0 when it loaded. */
    private static int readData(Path folder, DataRecipe recipe, String at) {
        Map<String, byte[]> before = snapshot(folder);
        int refused = 0;
        try {
            if (DataSources.isGraph(recipe, folder)) {
                DataSources.loadGraph(recipe, folder, 1);
            } else {
                DataSources.load(recipe, folder, 1);
            }
        } catch (DataFileException expected) {
            refused = 1;
            assertTrue(!expected.getMessage().isBlank(), at);
        } catch (RuntimeException e) {
            fail(at + ": " + e, e);
        }
        assertEquals(Map.of(), differences(before, snapshot(folder)), at);
        return refused;
    }

    private record Run(int status, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertClean(Run r, String at) {
        assertTrue(r.status == 0 || r.status == 2, at + ": status " + r.status + ": " + r.err);
        assertTrue(!r.err.contains("internal error") && !r.err.contains("\tat ") && !r.err.contains("Exception"),
                at + ": " + r.err);
        assertTrue(r.err.lines().count() <= 1, at + ": " + r.err);
    }

    private static Map<String, byte[]> snapshot(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Map<String, String> differences(Map<String, byte[]> before, Map<String, byte[]> after) {
        Map<String, String> out = new TreeMap<>();
        after.forEach((name, bytes) -> {
            if (!before.containsKey(name)) {
                out.put(name, "added");
            } else if (!Arrays.equals(bytes, before.get(name))) {
                out.put(name, "changed");
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name -> out.put(name, "removed"));
        return out;
    }
}
