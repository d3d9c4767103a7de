package org.netwright.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.json.GraphFormatException;
import org.netwright.model.json.GraphJson;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.data.EmbeddedData;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Where a command's graph comes from: a built-in template ({@code --template ID}), a project file
 * ({@code FILE.nwproj}, with its settings) or a graph file ({@code FILE.json}, no settings).
 */
record Source(String name, Graph graph, Optional<TrainingSettings> settings, Optional<Path> projectFile) {

    /** Reads the source named by {@code --template} or the one positional argument; {@code allowJson} permits graph files. */
    static Source from(Args args, boolean allowJson) {
        Optional<String> template = args.value("--template");
        if (template.isPresent() == !args.positionals().isEmpty() || args.positionals().size() > 1) {
            throw new UsageException("name either --template ID or one " + (allowJson ? "FILE.nwproj or FILE.json"
                    : "FILE.nwproj"));
        }
        if (template.isPresent()) {
            Template t = TemplateLibrary.find(template.get()).orElseThrow(() -> new UsageException(
                    "unknown template '" + template.get() + "'; known: " + String.join(", ",
                            TemplateLibrary.all().stream().map(Template::id).toList())));
            return new Source(t.id(), t.graph(), Optional.of(t.settings()), Optional.empty());
        }
        Path file = Path.of(args.positionals().get(0));
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("there is no file " + file);
        }
        if (name.endsWith(ProjectStore.EXTENSION)) {
            try (ProjectStore store = ProjectStore.openReadOnly(file)) {
                // A source moved or deleted since the import: the copy kept inside the project, when there is one.
                Path baseDir = file.toAbsolutePath().getParent();
                return new Source(name, store.loadGraph(), store.loadSettings().map(s -> EmbeddedData.withKeptCopy(s,
                        baseDir, store::embeddedData)), Optional.of(file));
            } catch (ProjectFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (allowJson && name.endsWith(".json")) {
            try {
                return new Source(name, GraphJson.read(Files.readString(file)), Optional.empty(), Optional.empty());
            } catch (NoSuchFileException e) {
                throw new UsageException("there is no file " + file);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + e.getMessage());
            } catch (GraphFormatException e) {
                throw new UsageException(file + ": " + e.getMessage());
            }
        }
        throw new UsageException("'" + file + "' is neither a project (.nwproj)" + (allowJson ? " nor a graph (.json)" : "")
                + " file");
    }
}
