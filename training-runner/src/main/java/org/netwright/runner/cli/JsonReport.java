package org.netwright.runner.cli;

import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.RunEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.netwright.runner.run.RunListener;

/** {@code train --json}: one JSON line per epoch and a last line {@code {"final":{...}}}. */
final class JsonReport implements RunListener {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintStream out;

    JsonReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void epoch(RunEvent.Epoch e) {
        out.println(RunEventJson.epochFields(e));
        out.flush();
    }

    @Override
    public void finished(RunEvent.Finished e) {
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode fields = RunEventJson.finalFields(e.metrics());
        fields.put("status", e.status());
        line.set("final", fields);
        out.println(line);
        out.flush();
    }
}
