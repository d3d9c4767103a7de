package org.netwright.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Op counting: a trace's top-level ops per thread, and our steps calling no more ops than plain DJL's. */
class OpCountsTest {

    @Test
    void countsOnlyOpsCalledByNoOtherOnTheirThread(@TempDir Path dir) throws Exception {
        // Thread 1: a linear layer running addmm and t inside it, then a relu; thread 2: a relu of its own. An op that
        // starts when another ends is not inside it.
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, """
                [
                 {"name": "aten::linear", "ph": "X", "ts": 10.0, "dur": 20.0, "tid": 1},
                 {"name": "aten::t", "ph": "X", "ts": 11.0, "dur": 2.0, "tid": 1},
                 {"name": "aten::addmm", "ph": "X", "ts": 14.0, "dur": 10.0, "tid": 1},
                 {"name": "aten::relu", "ph": "X", "ts": 30.0, "dur": 3.0, "tid": 1},
                 {"name": "aten::relu", "ph": "X", "ts": 12.0, "dur": 3.0, "tid": 2},
                 {"name": "marker", "ph": "i", "ts": 12.0, "tid": 1}
                ]
                """);
        assertEquals(Map.of("aten::linear", 1, "aten::relu", 2), OpCounts.topLevel(trace));
    }

    @Test
    void readsTheTraceEventsOfAnObject(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, """
                {"traceEvents": [{"name": "aten::mean", "ph": "X", "ts": 1.0, "dur": 1.0, "tid": 7}]}
                """);
        assertEquals(Map.of("aten::mean", 1), OpCounts.topLevel(trace));
    }

    @Test
    @Tag("training")
    void ourCnnStepCallsNoMoreOpsThanPlainDjl() {
        OpCounts.Comparison c = OpCounts.compare(Family.CNN, 5, 4);
        assertTrue(c.plainTotal() > 50, "plain DJL's step profiled: " + c.plain());
        assertTrue(c.oursTotal() > 50, "our step profiled: " + c.ours());
        // The same layers forward and backward, and one fused Adam update per weight on both sides.
        assertEquals(c.plain().get("aten::conv2d"), c.ours().get("aten::conv2d"));
        assertEquals(c.plain().get("aten::addcmul_"), c.ours().get("aten::addcmul_"));
        assertTrue(c.oursTotal() <= c.plainTotal(), "ours " + c.oursTotal() + " > plain " + c.plainTotal() + ": "
                + c.differences());
    }
}
