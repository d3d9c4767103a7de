package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

class ChildCommandTest {
    @Test
    void usesTheRuntimesOwnJavaSoAnInstalledAppCanStartRunsToo() {
        String java = ChildCommand.javaExecutable();
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), java);
        assertTrue(Path.of(java).toFile().canExecute(), java);
    }

    /**
     * The window's JVM runs on the JIT's quick tier only (the launchers' -XX:TieredStopAtLevel=1); a run's JVM must keep
     * the full JIT, so no -XX option of the app's is passed on.
     */
    @Test
    void aRunsJvmKeepsTheFullJit() {
        List<String> cmd = ChildCommand.cli(List.of("templates"));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:")), cmd.toString());
    }

    @Test
    void passesTheSettingsAndAsksForTheEventStream() {
        TrainingSettings s = new TrainingSettings(7, 16, 0.05, "adam", "cross_entropy", 1, 0.2, 0.2,
                DataRecipe.generator("two_moons", Map.of()));
        List<String> cmd = ChildCommand.train(Path.of("/tmp/x.nwproj"), s);
        int cli = cmd.indexOf(ChildCommand.CLI_CLASS);
        assertTrue(cli > 0, cmd.toString());
        assertEquals(List.of("train", "/tmp/x.nwproj", "--events", "--epochs", "7", "--batch-size", "16", "--lr", "0.05"),
                cmd.subList(cli + 1, cmd.size()));
        assertTrue(cmd.contains("-Dai.djl.offline=true"));
    }

    @Test
    void theGpuBuildsLibtorchSettingsReachTheChild() {
        String before = System.getProperty("PYTORCH_FLAVOR");
        System.setProperty("PYTORCH_FLAVOR", "cu128");
        try {
            TrainingSettings s = new TrainingSettings(1, 16, 0.05, "adam", "cross_entropy", 1, 0.2, 0.2,
                    DataRecipe.generator("two_moons", Map.of()));
            List<String> cmd = ChildCommand.train(Path.of("/tmp/x.nwproj"), s);
            assertTrue(cmd.indexOf("-DPYTORCH_FLAVOR=cu128") < cmd.indexOf(ChildCommand.CLI_CLASS), cmd.toString());
            assertTrue(cmd.contains("-DPYTORCH_FLAVOR=cu128"), cmd.toString());
        } finally {
            if (before == null) {
                System.clearProperty("PYTORCH_FLAVOR");
            } else {
                System.setProperty("PYTORCH_FLAVOR", before);
            }
        }
    }
}
