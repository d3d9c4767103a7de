package org.netwright.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Watches the app's pipe on stdin on a daemon thread: the line {@code stop}, or the pipe closing
 * (the app went away), asks the run to stop.
 */
final class StdinStopper {
    private StdinStopper() {
    }

    static Thread watch(InputStream in, Runnable stop) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.trim().equalsIgnoreCase("stop")) {
                        stop.run();
                        return;
                    }
                }
            } catch (IOException e) {
                // A broken pipe means the app is gone: same as a closed one.
            }
            stop.run();
        }, "netwright-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
