package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --split} beside data that split themselves (a split column) is refused, never silently ignored. */
class CliSplitColumnTest {
    @TempDir
    Path dir;

    /** A ring of 12 nodes, two classes, with a split column in the node table when {@code split}. */
    private Path graph(boolean split) throws IOException {
        StringBuilder edges = new StringBuilder("source,target\n");
        StringBuilder nodes = new StringBuilder("node,x,label" + (split ? ",split" : "") + "\n");
        for (int i = 0; i < 12; i++) {
            edges.append(i).append(',').append((i + 1) % 12).append('\n');
            nodes.append(i).append(',').append(i % 3).append(',').append(i < 6 ? 0 : 1)
                    .append(split ? (i % 4 == 0 ? ",test" : ",train") : "").append('\n');
        }
        Files.writeString(dir.resolve("ring_nodes.csv"), nodes);
        return Files.writeString(dir.resolve("ring_edges.csv"), edges);
    }

    @Test
    void splitBesideAGraphsSplitColumnIsRefusedNamingTheColumnAndTheWayOut() throws IOException {
        Path edges = graph(true);
        CliRunner r = CliRunner.run("train", "--template", "communities-gcn", "--data", edges.toString(), "--split",
                "0.6,0.2,0.2", "--epochs", "1");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("--split 0.6,0.2,0.2 cannot apply: ") && r.err().contains("ring_nodes.csv has a"
                + " 'split' column, which says which nodes train, validate and test; leave out --split"), r.err());
        CliRunner d = CliRunner.run("data", edges.toString(), "--split", "0.6,0.2,0.2");
        assertEquals(2, d.status());
        assertTrue(d.err().contains("ring_nodes.csv has a 'split' column"), d.err());
    }

    @Test
    void splitBesideATablesSplitColumnIsRefusedAndWithoutItTheColumnSplitsTheRows() throws IOException {
        StringBuilder b = new StringBuilder("a,b,label,split\n");
        for (int i = 0; i < 40; i++) {
            b.append(i).append(',').append(i % 7).append(',').append(i % 2).append(',')
                    .append(i < 28 ? "train" : i < 32 ? "val" : "test").append('\n');
        }
        Path csv = Files.writeString(dir.resolve("t.csv"), b.toString());
        CliRunner r = CliRunner.run("data", csv.toString(), "--split", "0.5,0.25,0.25");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("t.csv has a 'split' column, which says which rows train, validate and test"),
                r.err());
        CliRunner ok = CliRunner.run("data", csv.toString(), "--json");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("\"train\":28,\"validation\":4,\"test\":8"), ok.out());
        assertTrue(ok.out().contains("by the column 'split'; the split fractions are not used"), ok.out());
        assertTrue(!ok.out().contains("split=train"), "the split column is no feature: " + ok.out());
        // Named among the features, the column is a feature and --split applies.
        CliRunner named = CliRunner.run("data", csv.toString(), "--features", "a,split", "--split", "0.5,0.25,0.25",
                "--json");
        assertEquals(0, named.status(), named.err());
    }
}
