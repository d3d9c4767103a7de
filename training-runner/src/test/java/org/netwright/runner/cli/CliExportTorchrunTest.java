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
 * One template of each family trained for one epoch here (the GAN for 4), exported as PyTorch source, then trained on
 * by {@code torchrun --nproc_per_node=2 train.py --epochs 1} (the VAE for 3 epochs, the GAN for 6;
 * DistributedDataParallel over gloo on the CPU): both processes run, and the validation loss after the last epoch is
 * below the one before the first. A GAN's two
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
        // A GAN's samples first spread past the ring and then close in on it (our run's swd, seed 42: 0.66, 0.59,
        // 0.99, 0.90, 0.78, 0.87, 0.60, 0.76, 0.62, 0.45 in epochs 1-10, then 0.37-0.47); once on the ring it only
        // wobbles, and train.py's fresh Adam moments shake it (from epoch 12: 0.447 -> 0.65, 0.52, 0.56). So torchrun
        // goes on from epoch 4, before the ring is found, for 6 epochs.
        // A VAE's validation loss draws its sampling noise afresh each pass, so one epoch's change can be smaller than
        // that noise (2.4235 -> 2.4295 with a train loss falling 4.07 -> 2.81 inside the epoch): three epochs.
        String ours = gan ? "4" : "1";
        String theirs = gan ? "6" : template.equals("vae") ? "3" : "1";
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
