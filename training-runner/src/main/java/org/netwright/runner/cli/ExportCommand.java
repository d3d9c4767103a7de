package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.compile.GraphCompileException;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.export.ExportException;
import org.netwright.runner.export.ExportReadmes;
import org.netwright.runner.export.Exporters;
import org.netwright.runner.export.ModelExporter;
import org.netwright.runner.run.TrainedRun;

/**
 * {@code netwright export PROJECT --format F --out DIR [--run ID] [--force] [--json]}: writes a project's trained
 * run (its latest with a checkpoint, or {@code --run ID}) into a folder another runtime opens. Writes only inside
 * DIR and refuses a DIR that holds anything unless {@code --force}; then the export is written into a fresh folder
 * inside DIR first and its files are moved into place, so a link in DIR never leads a write elsewhere. Every export
 * folder gets a README.md (the format's own, or one saying what is there, the inputs, outputs and how to run it).
 */
final class ExportCommand {
    static final String USAGE = "export FILE.nwproj --format " + formats("|") + " --out DIR [--run ID] [--force] [--json]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExportCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, Set.of("--format", "--out", "--run"), Set.of("--force", "--json"));
        if (args.positionals().size() != 1 || !args.positionals().get(0).endsWith(ProjectStore.EXTENSION)) {
            throw new UsageException("export takes one project file: " + USAGE);
        }
        Path project = Path.of(args.positionals().get(0));
        String format = args.value("--format").orElseThrow(() -> new UsageException(
                "export needs --format, one of: " + formats(", ")));
        ModelExporter exporter = Exporters.of(format).orElseThrow(() -> new UsageException(
                "there is no export format '" + format + "'; the formats are: " + formats(", ")));
        Path dir = Path.of(args.value("--out").orElseThrow(() -> new UsageException(
                "export needs --out DIR, the folder to write the " + format + " export in")));
        if (!Files.isRegularFile(project)) {
            throw new UsageException("there is no file " + project);
        }
        boolean force = args.has("--force");
        checkFolder(dir, force);
        TrainedRun run = TrainedRun.load(project, args.value("--run"));
        List<String> files;
        try {
            files = write(exporter, run, project, dir);
        } catch (ExportException | GraphCompileException | DataFileException e) {
            throw new UsageException("run " + run.runId() + " cannot be exported as " + format + ": " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot write the export into " + dir + ": " + e.getMessage());
        }
        if (args.has("--json")) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("run", run.runId());
            o.put("format", format);
            o.put("out", dir.toString());
            var list = o.putArray("files");
            files.forEach(list::add);
            out.println(o);
        } else {
            out.println("exported run " + run.runId() + " of " + project.getFileName() + " as " + format + " to " + dir
                    + " (" + files.size() + " files; see README.md there)");
        }
        return 0;
    }

    private static String formats(String separator) {
        return Exporters.all().stream().map(ModelExporter::format).collect(Collectors.joining(separator));
    }

    /** Refuses a DIR that is a file, or a folder with anything in it unless {@code force}. */
    private static void checkFolder(Path dir, boolean force) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is a file, not a folder; give --out a folder to write the export in");
        }
        if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
            throw new UsageException(dir + " already holds files; give an empty or new folder, or --force to"
                    + " replace the export's files there");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UsageException("cannot read the folder " + dir + ": " + e.getMessage());
        }
    }

    /** Writes the export and returns its file names; into a fresh staging folder first when DIR holds files. */
    private static List<String> write(ModelExporter exporter, TrainedRun run, Path project, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (isEmpty(dir)) {
            try {
                exporter.write(run, project, dir);
                ExportReadmes.writeIfMissing(exporter.format(), run, project, dir);
            } catch (IOException | RuntimeException e) {
                clear(dir);
                throw e;
            }
            return names(dir);
        }
        Path stage = Files.createDirectory(dir.resolve(".netwright-export-" + UUID.randomUUID()));
        try {
            exporter.write(run, project, stage);
            ExportReadmes.writeIfMissing(exporter.format(), run, project, stage);
            List<String> files = names(stage);
            for (String name : files) {
                Path target = dir.resolve(name);
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UsageException(target + " is a folder; the export needs that name for a file");
                }
                // A rename replaces a link at the target itself; it never writes through it.
                Files.move(stage.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return files;
        } finally {
            clear(stage);
            Files.deleteIfExists(stage);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    /** Deletes the files an export wrote into a folder it created or staged (never anything else). */
    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
