package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.task.DataField;
import org.netwright.runner.data.DataSummary;

/** A {@link DataSummary} in words or as JSON, for {@code netwright data} and for the start of a training run. */
final class DataReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Class counts listed in words before "and N more". */
    private static final int CLASSES_SHOWN = 12;

    private DataReport() {
    }

    /**
     * Announces what was decided for the user before a run trains: with {@code --json} one line
     * {@code {"data":{...}}} on stdout, with {@code --events} one stderr line per notice (stdout is the app's event
     * stream), else one line {@code Data: ...} per notice on stdout.
     */
    static void announce(DataSummary s, boolean json, boolean events, PrintStream out, PrintStream err) {
        if (events) {
            s.notices().forEach(n -> err.println("netwright: " + Cli.printable(n)));
        } else if (json) {
            ObjectNode line = MAPPER.createObjectNode();
            line.set("data", json(s));
            out.println(line);
        } else {
            s.notices().forEach(n -> out.println("Data: " + Cli.printable(n)));
        }
        out.flush();
    }

    /** The summary as a JSON object. */
    static ObjectNode json(DataSummary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", s.kind());
        o.put("source", s.source());
        o.put("samples", s.samples());
        ArrayNode fields = o.putArray("fields");
        for (DataField f : s.fields()) {
            ObjectNode fo = fields.addObject();
            fo.put("name", f.name());
            fo.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode shape = fo.putArray("shape");
            for (int i = 0; i < f.shape().rank(); i++) {
                shape.add(f.shape().dim(i));
            }
            if (f.classes() > 0) {
                fo.put(f.kind() == DataField.Kind.TOKEN_IDS ? "vocabulary" : "classes", f.classes());
            }
        }
        s.task().ifPresentOrElse(t -> o.put("task", t), () -> o.putNull("task"));
        s.label().ifPresentOrElse(l -> o.put("label", l), () -> o.putNull("label"));
        o.put("label_guessed", s.labelGuessed());
        ArrayNode classes = o.putArray("classes");
        for (int i = 0; i < s.classes().size(); i++) {
            classes.addObject().put("name", s.classes().get(i)).put("count", s.classCounts().get(i));
        }
        ArrayNode features = o.putArray("features");
        s.features().forEach(features::add);
        o.put("missing_cells", s.missingCells());
        o.put("missing_policy", s.missingPolicy());
        int[] split = s.split();
        o.putObject("split").put("train", split[0]).put("validation", split[1]).put("test", split[2]);
        s.imbalance().ifPresentOrElse(w -> o.put("imbalance", w), () -> o.putNull("imbalance"));
        ArrayNode notices = o.putArray("notices");
        s.notices().forEach(notices::add);
        return o;
    }

    /** The summary as lines of text. */
    static List<String> lines(DataSummary s) {
        List<String> out = new ArrayList<>();
        out.add("Kind:      " + s.kind() + " (" + s.source() + ")");
        out.add("Samples:   " + s.samples());
        for (DataField f : s.fields()) {
            out.add("Field:     " + f.name() + ": " + f.describe());
        }
        s.task().ifPresent(t -> out.add("Task:      " + t));
        s.label().ifPresent(l -> out.add("Label:     " + l + (s.labelGuessed() ? " (guessed, not given with --label)" : "")));
        if (!s.features().isEmpty()) {
            List<String> f = s.features();
            out.add("Features:  " + f.size() + " (" + String.join(", ", f.subList(0, Math.min(12, f.size())))
                    + (f.size() > 12 ? ", ..." : "") + ")");
        }
        if (!s.classes().isEmpty()) {
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < Math.min(CLASSES_SHOWN, s.classes().size()); i++) {
                c.append(i == 0 ? "" : ", ").append(s.classes().get(i)).append(' ').append(s.classCounts().get(i));
            }
            if (s.classes().size() > CLASSES_SHOWN) {
                c.append(", and ").append(s.classes().size() - CLASSES_SHOWN).append(" more");
            }
            out.add("Classes:   " + s.classes().size() + " (" + c + ")");
        }
        if (!s.missingPolicy().isEmpty()) {
            out.add("Missing:   " + s.missingCells() + " cell(s), policy " + s.missingPolicy());
        }
        int[] split = s.split();
        out.add("Split:     " + split[0] + " train, " + split[1] + " validation, " + split[2] + " test");
        for (String n : s.notices()) {
            out.add("Note:      " + n);
        }
        return out.stream().map(Cli::printable).toList();
    }
}
