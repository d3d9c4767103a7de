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
