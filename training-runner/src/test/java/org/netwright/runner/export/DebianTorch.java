package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's python3-torch for the checks that run exported PyTorch code: always {@code /usr/bin/python3} and
 * {@code /usr/bin/torchrun} (a {@code python3} found on PATH may lack torch). Without torch a check fails when the
 * environment variable CI is set, and is skipped with a message otherwise.
 */
public final class DebianTorch {
    public static final String PYTHON = "/usr/bin/python3";
    public static final String TORCHRUN = "/usr/bin/torchrun";
    private static Boolean available;

    private DebianTorch() {
    }

    /** Skips (or, under CI, fails) the calling test when /usr/bin/python3 cannot import torch and numpy. */
    public static void require() {
        if (available == null) {
            available = probe();
        }
        String why = "/usr/bin/python3 cannot import torch and numpy; install Debian's python3-torch python3-numpy";
        if (!available) {
            if (System.getenv("CI") != null) {
                fail(why + " (CI is set, so this check must run)");
            }
            assumeTrue(false, why + "; skipping the PyTorch export check");
        }
    }

    private static boolean probe() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            return run(Path.of("."), 120, PYTHON, "-c", "import torch, numpy").exit() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What a finished process printed and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs a command in {@code dir} with one thread per process, waiting at most {@code seconds}. */
    public static Result run(Path dir, int seconds, String... command) {
        try {
            Path out = Files.createTempFile("nw-py", ".out");
            Path err = Files.createTempFile("nw-py", ".err");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            pb.environment().put("MKL_NUM_THREADS", "1");
            pb.environment().remove("PYTHONPATH");
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", command) + " ran over " + seconds + " s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}
