package org.netwright.runner.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.netwright.runner.bench.GraphScale;

/**
 * {@code netwright bench-graph}: times loading large graphs (JSON read and shape inference of 1,000 and 10,000
 * nodes; goal under 1 s for 10,000), one edit plus incremental shape inference on 500 nodes (goal under 16 ms,
 * one frame), and the windowless part of opening a 1,000-layer project whose run holds a million steps (the file's
 * check, graph and shapes; reading the curve), and prints the table.
 */
final class GraphBenchCommand {
    static final String USAGE = "bench-graph";

    private GraphBenchCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("bench-graph takes no arguments; got '" + args.positionals().get(0) + "'");
        }
        out.println(String.format(Locale.ROOT, "%-40s %7s %11s %11s %8s", "what", "nodes", "median ms", "slowest ms",
                "repeats"));
        for (GraphScale.Timing t : GraphScale.all()) {
            out.println(String.format(Locale.ROOT, "%-40s %7d %11.2f %11.2f %8d", t.what(), t.nodes(), t.medianMs(),
                    t.maxMs(), t.repeats()));
            out.flush();
        }
        out.println("Goals: 10,000 nodes read + inferred < 1000 ms; on 500 nodes one edit + incremental shapes < 16 ms;"
                + " a 1,000-layer project with a million points opens < 1000 ms (its window's part: bench.OpenTiming).");
        return 0;
    }
}
