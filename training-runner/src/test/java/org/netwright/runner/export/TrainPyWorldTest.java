package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported {@code train.py} sums its epoch means over torchrun's processes on this process's own device: NCCL,
 * the backend on GPUs, sums only tensors on the GPU, and a sum on the CPU stopped every multi-GPU run at its first
 * epoch's end ("No backend type associated with device type cpu"; found on an H200, which gloo on this machine's CPU
 * never shows). Here a device other than the CPU is stood in by PyTorch's {@code meta} device, and the sum itself by a
 * stand-in that reports where its tensor lies.
 */
class TrainPyWorldTest {
    @TempDir
    Path dir;

    @Test
    void epochMeansAreSummedOnTheProcessesOwnDevice() throws Exception {
        DebianTorch.require();
        try (InputStream in = getClass().getResourceAsStream("/org/netwright/runner/export/pytorch/train.py")) {
            Files.copy(in, dir.resolve("train.py"));
        }
        // train.py imports the network's model.py from beside it; this check needs none of it.
        Files.writeString(dir.resolve("model.py"), "");
        Files.writeString(dir.resolve("check.py"), String.join("\n",
                "import torch",
                "import train",
                "class Summed(Exception):",
                "    pass",
                "def all_reduce(t):",
                "    raise Summed(t.device.type)",
                "train.dist.all_reduce = all_reduce",
                "world = train.World('cpu')",
                "world.distributed = True",
                "world.device = torch.device('meta')",
                "try:",
                "    world.mean(3.0, 2.0)",
                "    print('not summed')",
                "except Summed as e:",
                "    print('summed on', e.args[0])",
                ""));
        DebianTorch.Result r = DebianTorch.run(dir, 120, DebianTorch.PYTHON, "check.py");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("summed on meta"), r.out() + r.err());
    }
}
