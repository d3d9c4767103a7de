package org.netwright.runner.data;

import java.nio.file.Path;

/** Where the shared test data lives: system property netwright.data, else ../../shared/data from the module. */
final class CliPaths {
    private CliPaths() {
    }

    static Path digits() {
        String configured = System.getProperty("netwright.data");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).resolve("digits");
    }
}
