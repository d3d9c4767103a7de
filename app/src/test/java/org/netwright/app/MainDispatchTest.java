package org.netwright.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's command-line path must run the CLI without loading a single JavaFX class. */
class MainDispatchTest {

    @Test
    void aSubCommandRunsTheCliWithoutJavaFx() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load=info", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "templates").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("two-moons-mlp"), "the CLI listed no templates:\n" + out);
        assertTrue(out.contains("org.netwright.runner.cli.Cli "), "the CLI class was not loaded");
        List<String> javafx = out.lines().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")).toList();
        assertEquals(List.of(), javafx);
    }
}
