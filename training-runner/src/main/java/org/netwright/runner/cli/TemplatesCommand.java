package org.netwright.runner.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** {@code netwright templates}: one line per template, its id and its description. */
final class TemplatesCommand {
    private TemplatesCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("templates takes no arguments; got '" + args.positionals().get(0) + "'");
        }
        int width = TemplateLibrary.all().stream().mapToInt(t -> t.id().length()).max().orElse(0);
        for (Template t : TemplateLibrary.all()) {
            out.println(String.format("%-" + width + "s  %s", t.id(), t.description()));
        }
        return 0;
    }
}
