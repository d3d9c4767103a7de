package org.netwright.runner.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded transformer-seq2seq run gives the same epoch losses, bit for bit, in separate JVMs started side by side.
 * Two of the three collect garbage very often (a 4 MB young generation): before {@code runner.nd.Scalars}, a
 * collection between a forward and a backward pass freed the scalars DJL had made for {@code x.mul(2f)} and the
 * like, and such runs left the normal path by step 6 (16 of 16). No MKL setting is needed
 * (MKL_CBWR=COMPATIBLE once looked like the fix; it cost a quarter or more of a step and did not help).
 */
@Tag("training")
class SeparateJvmRepeatTest {
    @TempDir
    Path dir;

    @Test
    void threeJvmsSideBySideGiveTheSameEpochLosses() throws Exception {
        List<Process> running = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("run" + i + ".jsonl");
            outputs.add(out);
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            if (i > 0) {
                command.addAll(List.of("-Xmx256m", "-Xmn4m", "-XX:+UseSerialGC"));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                    "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                    "org.netwright.runner.cli.Cli", "train", "--template", "transformer-seq2seq", "--seed", "2",
                    "--epochs", "2", "--json"));
            ProcessBuilder b = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(dir.resolve("err" + i).toFile());
            running.add(b.start());
        }
        for (Process p : running) {
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "a run did not end in 10 minutes");
            assertEquals(0, p.exitValue());
        }
        List<String> first = epochLosses(outputs.get(0));
        assertEquals(2, first.size(), first.toString());
        for (Path out : outputs.subList(1, 3)) {
            assertEquals(first, epochLosses(out));
        }
    }

    /**
     * Issue 6's promise across processes: a run saved after epoch 2 and resumed in a new JVM to epoch 4 prints the
     * losses of epochs 3 and 4 of an uninterrupted 4-epoch run in a third JVM (the resuming one collects often).
     */
    @Test
    void aRunResumedInAnotherJvmRepeatsTheUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole.nwproj");
        Path half = dir.resolve("half.nwproj");
        Path wholeOut = cli(List.of(), "whole", "train", "--template", "transformer-seq2seq", "--seed", "3", "--epochs",
                "4", "--save", whole.toString(), "--json");
        cli(List.of(), "half", "train", "--template", "transformer-seq2seq", "--seed", "3", "--epochs", "2", "--save",
                half.toString(), "--json");
        Path resumedOut = cli(List.of("-Xmx256m", "-Xmn4m", "-XX:+UseSerialGC"), "resumed", "train", half.toString(),
                "--resume", "1", "--epochs", "4", "--json");
        List<String> uninterrupted = epochLosses(wholeOut);
        assertEquals(4, uninterrupted.size(), uninterrupted.toString());
        assertEquals(uninterrupted.subList(2, 4), epochLosses(resumedOut));
    }

    /** Runs the CLI in a new JVM with {@code jvm} options at one libtorch thread; returns the file holding its output. */
    private Path cli(List<String> jvm, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "org.netwright.runner.cli.Cli"));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".jsonl");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), name + " did not end in 10 minutes");
        assertEquals(0, p.exitValue(), () -> name + ": " + readQuietly(dir.resolve(name + ".err")));
        return out;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Each epoch line's train_loss and val_loss as printed (the shortest text that reads back as the same double). */
    private static List<String> epochLosses(Path out) throws IOException {
        List<String> losses = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("{\"epoch\"")) {
                losses.add(field(line, "train_loss") + " " + field(line, "val_loss"));
            }
        }
        return losses;
    }

    private static String field(String line, String name) {
        int at = line.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = line.indexOf(',', at);
        return line.substring(at, end);
    }
}
