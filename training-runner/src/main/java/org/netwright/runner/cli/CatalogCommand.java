package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netwright.model.catalog.BoolParam;
import org.netwright.model.catalog.ChoiceParam;
import org.netwright.model.catalog.DoubleParam;
import org.netwright.model.catalog.IntParam;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerFamily;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.catalog.TextParam;

/**
 * {@code netwright catalog}: every block with its family, ports, typed parameters (default and allowed
 * range) and explanation; as text grouped by family within 100 columns, or as one JSON object with
 * {@code --json}. Ports that depend on parameters are given for the defaults.
 */
final class CatalogCommand {
    static final int WIDTH = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of(), Set.of("--json"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("catalog takes no arguments but --json; got '" + args.positionals().get(0) + "'");
        }
        LayerCatalog catalog = LayerCatalog.standard();
        if (args.has("--json")) {
            out.println(json(catalog));
        } else {
            text(catalog, out);
        }
        return 0;
    }

    /** The kind of value a parameter takes, as the JSON form names it. */
    static String type(ParamSpec p) {
        // instanceof rather than a switch so that a parameter kind added later reads as text, not a crash.
        if (p instanceof IntParam) {
            return "int";
        } else if (p instanceof DoubleParam) {
            return "double";
        } else if (p instanceof ChoiceParam) {
            return "choice";
        } else if (p instanceof BoolParam) {
            return "bool";
        }
        return "text";
    }

    private static List<String> inputs(LayerSpec spec) {
        return spec.inputPorts(spec.resolve(Map.of()));
    }

    private static String json(LayerCatalog catalog) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode blocks = root.putArray("blocks");
        for (LayerFamily family : LayerFamily.values()) {
            for (LayerSpec spec : catalog.family(family)) {
                ObjectNode b = blocks.addObject();
                b.put("id", spec.id());
                b.put("name", spec.name());
                b.put("family", family.name().toLowerCase(Locale.ROOT));
                b.put("family_title", family.title());
                inputs(spec).forEach(b.putArray("inputs")::add);
                spec.outputPorts().forEach(b.putArray("outputs")::add);
                ArrayNode params = b.putArray("params");
                for (ParamSpec p : spec.params()) {
                    params.add(param(p));
                }
                b.put("explanation", spec.explanation());
            }
        }
        return root.toString();
    }

    private static ObjectNode param(ParamSpec p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("type", type(p));
        o.set("default", MAPPER.valueToTree(p.defaultValue()));
        if (p instanceof IntParam i) {
            o.put("min", i.min());
            o.put("max", i.max());
        } else if (p instanceof DoubleParam d) {
            o.put("min", d.min());
            o.put("max", d.max());
        } else if (p instanceof ChoiceParam c) {
            c.choices().forEach(o.putArray("choices")::add);
        } else if (p instanceof TextParam t) {
            o.put("pattern", t.pattern());
        }
        o.put("range", p.range());
        o.put("label", p.label());
        o.put("help", p.help());
        return o;
    }

    private static void text(LayerCatalog catalog, PrintStream out) {
        boolean first = true;
        for (LayerFamily family : LayerFamily.values()) {
            List<LayerSpec> specs = catalog.family(family);
            if (specs.isEmpty()) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println("== " + family.title() + " " + "=".repeat(Math.max(3, WIDTH - family.title().length() - 4)));
            for (LayerSpec spec : specs) {
                out.println();
                block(spec, out);
            }
        }
    }

    private static void block(LayerSpec spec, PrintStream out) {
        List<String> in = inputs(spec);
        out.println(spec.id() + "  " + spec.name());
        wrap("ports: " + (in.isEmpty() ? "none" : String.join(", ", in)) + " -> "
                + (spec.outputPorts().isEmpty() ? "none" : String.join(", ", spec.outputPorts())), "  ", "    ", out);
        wrap(spec.explanation(), "  ", "  ", out);
        if (spec.params().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ParamSpec p : spec.params()) {
            rows.add(new String[] {p.name(), type(p), "= " + p.defaultValue(), p.range()});
        }
        int[] w = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String head = String.format("    %-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  ",
                    (Object[]) row);
            String help = spec.params().get(i).help();
            // A long head (a choice with many words) pushes the help onto its own indented line.
            if (head.length() > WIDTH - 24) {
                out.println(head.stripTrailing());
                wrap(help, "      ", "      ", out);
            } else {
                wrap(help, head, " ".repeat(head.length()), out);
            }
        }
    }

    /** Prints {@code text} word-wrapped to {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(String text, String first, String rest, PrintStream out) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(rest);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line.toString().stripTrailing());
    }
}
