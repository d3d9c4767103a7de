package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.runner.export.DebianTorch;

/**
 * One template of each family trained for one epoch here, exported as PyTorch source, then trained for one more
 * epoch by {@code torchrun --nproc_per_node=2 train.py --epochs 1} (DistributedDataParallel over gloo on the CPU):
 * both processes run, and the validation loss after the epoch is below the one before it (a GAN, whose losses
 * fight each other, must report finite losses for both parts).
 */
@Tag("training")
class CliExportTorchrunTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"shapes-cnn", "lstm-forecast", "autoencoder", "vae", "gan-2d", "gpt-mini", "gcn-node"})
    void torchrunTrainsTheExportWithTwoProcesses(String template) throws Exception {
        DebianTorch.require();
        Path project = dir.resolve(template + ".nwproj");
        CliRunner r = CliRunner.run("train", "--template", template, "--epochs", "1", "--save", project.toString());
        assertEquals(0, r.status(), r.err());
        Path out = dir.resolve(template);
        r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        // Debian's torch 1.13 under Python 3.11 cannot parse torchrun's default "--redirects 0"; "9:1" names no
        // local rank, so every process keeps its output on the console, as the default would.
        // A free port of our own: another torchrun on this machine may hold the default 29500.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DebianTorch.Result t = DebianTorch.run(dir, 900, DebianTorch.TORCHRUN, "--redirects", "9:1", "--tee", "9:1",
                "--master_port=" + port, "--nproc_per_node=2", out.resolve("train.py").toString(), "--epochs", "1");
        assertEquals(0, t.exit(), t.out() + t.err());
        List<JsonNode> epochs = new ArrayList<>();
        for (String line : t.out().split("\n")) {
            if (line.startsWith("{\"epoch\"")) {
                epochs.add(MAPPER.readTree(line));
            }
        }
        JsonNode last = epochs.get(epochs.size() - 1);
        System.out.println("torchrun " + template + ": " + epochs);
        assertEquals(1, last.get("epoch").asInt(), t.out());
        assertEquals(2, last.get("processes").asInt(), t.out());
        if (template.equals("gan-2d")) {
            assertTrue(Double.isFinite(last.get("d_loss").asDouble()) && Double.isFinite(last.get("g_loss").asDouble()),
                    t.out());
        } else {
            double before = epochs.get(0).get("val_loss").asDouble();
            double after = last.get("val_loss").asDouble();
            assertTrue(after < before, template + ": validation loss " + before + " before the epoch, " + after
                    + " after it");
        }
        assertTrue(Files.isRegularFile(out.resolve("weights-trained.npz")));
    }
}
