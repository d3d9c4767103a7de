package org.netwright.app.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** The shared real data files (skipped when absent) and the small networks the Data row tests train on them. */
public final class TestData {
    private TestData() {
    }

    /** A file under the shared data folder: system property netwright.data, else ../../shared/data seen from the module. */
    public static Path shared(String relative) {
        Path root = Path.of(System.getProperty("netwright.data", "../../shared/data"));
        Path file = root.resolve(relative).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(file), "shared test data not found: " + file);
        return file;
    }

    /** vector_input(features) -> dense(classes). */
    public static Graph mlp(int features, int classes) {
        return Graph.of(List.of(new Node("input", "vector_input", Map.of("features", features), 0, 0),
                        new Node("dense", "dense", Map.of("units", classes), 200, 0)),
                List.of(Edge.of("input", "out", "dense", "in")));
    }
}
