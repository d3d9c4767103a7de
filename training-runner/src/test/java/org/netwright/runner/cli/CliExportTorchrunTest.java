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
 * One template of each family trained for one epoch here (the GAN for 12), exported as PyTorch source, then trained on
 * by {@code torchrun --nproc_per_node=2 train.py --epochs 1} (the GAN for 3 epochs; DistributedDataParallel over gloo
 * on the CPU): both processes run, and the validation loss after the epoch is below the one before it. A GAN's two
 * losses fight each other and need not fall; its measure is the sliced Wasserstein distance of the generator's samples
 * from fixed noise to the validation samples ({@code swd}): before torchrun's first epoch it equals what our run
 * reported as {@code val_swd} for the same weights, and after the last it is lower.
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
        boolean gan = template.equals("gan-2d");
        // A GAN's samples first spread past the ring (swd rises for the first 3 epochs of our run: 0.585, 1.070,
        // 1.462) and then close in on it; torchrun continues from epoch 12, where they do, for 3 epochs (one epoch
        // from epoch 10 went from 1.011 to 1.064 before falling).
        String ours = gan ? "12" : "1";
        String theirs = gan ? "3" : "1";
        CliRunner r = CliRunner.run("train", "--template", template, "--epochs", ours, "--save", project.toString(),
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode ourEpoch = null;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("{\"epoch\"")) {
                ourEpoch = MAPPER.readTree(line);
            }
        }
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
                "--master_port=" + port, "--nproc_per_node=2", out.resolve("train.py").toString(), "--epochs", theirs);
        assertEquals(0, t.exit(), t.out() + t.err());
        List<JsonNode> epochs = new ArrayList<>();
        for (String line : t.out().split("\n")) {
            if (line.startsWith("{\"epoch\"")) {
                epochs.add(MAPPER.readTree(line));
            }
        }
        JsonNode last = epochs.get(epochs.size() - 1);
        System.out.println("torchrun " + template + ": " + epochs);
        assertEquals(Integer.parseInt(theirs), last.get("epoch").asInt(), t.out());
        assertEquals(2, last.get("processes").asInt(), t.out());
        if (gan) {
            assertTrue(Double.isFinite(last.get("d_loss").asDouble()) && Double.isFinite(last.get("g_loss").asDouble()),
                    t.out());
            double measured = ourEpoch.get("val_swd").asDouble();
            double before = epochs.get(0).get("swd").asDouble();
            double after = last.get("swd").asDouble();
            System.out.printf("gan-2d swd: our run %.6f, train.py before %.6f, after %s epochs %.6f%n", measured,
                    before, theirs, after);
            assertEquals(measured, before, 1e-4, "train.py measures the exported weights as our run did");
            assertTrue(after < before, "swd " + before + " before the epoch, " + after + " after it");
        } else {
            double before = epochs.get(0).get("val_loss").asDouble();
            double after = last.get("val_loss").asDouble();
            assertTrue(after < before, template + ": validation loss " + before + " before the epoch, " + after
                    + " after it");
        }
        assertTrue(Files.isRegularFile(out.resolve("weights-trained.npz")));
    }
}
