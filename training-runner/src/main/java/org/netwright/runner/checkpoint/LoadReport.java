package org.netwright.runner.checkpoint;

import java.util.List;
import java.util.Map;

/** Which nodes took their weights from a checkpoint, and why the others did not (by node id). */
public record LoadReport(List<String> loaded, Map<String, String> skipped) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        skipped = Map.copyOf(skipped);
    }
}
