package org.netwright.app.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The most recently opened project files, newest first, kept one path a line in a text file
 * (usually {@code ~/.netwright/recent.txt}). Files that no longer exist are dropped on reading.
 */
public final class RecentProjects {
    public static final int MAX = 8;

    private final Path listFile;

    public RecentProjects(Path listFile) {
        this.listFile = listFile;
    }

    /** The usual list in the user's home folder. */
    public static RecentProjects inHome(Path home) {
        return new RecentProjects(home.resolve(".netwright").resolve("recent.txt"));
    }

    /** The user's Netwright folder ({@code ~/.netwright}), which holds this list and the user's templates. */
    public Path netwrightFolder() {
        return listFile.toAbsolutePath().getParent();
    }

    /** Where projects not saved under a name yet (opened from a template) are kept: beside the list. */
    public Path draftsFolder() {
        return listFile.toAbsolutePath().getParent().resolve("unsaved");
    }

    /** The project opened last, if its file still exists: what the app reopens on launch. */
    public java.util.Optional<Path> last() {
        List<Path> all = list();
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
    }

    /** Existing files, newest first, at most {@link #MAX}. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (Path p : read()) {
            if (Files.isRegularFile(p) && out.size() < MAX) {
                out.add(p);
            }
        }
        return out;
    }

    /** Puts {@code file} first, dropping older mentions of it and missing files. */
    public void add(Path file) {
        Set<Path> order = new LinkedHashSet<>();
        order.add(file.toAbsolutePath().normalize());
        order.addAll(list());
        write(order.stream().limit(MAX).toList());
    }

    private List<Path> read() {
        if (!Files.isRegularFile(listFile)) {
            return List.of();
        }
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Path.of(line.strip()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            // A damaged list is not worth an error dialog; it starts over.
            return List.of();
        }
    }

    private void write(List<Path> files) {
        try {
            Files.createDirectories(listFile.getParent());
            List<String> lines = files.stream().map(Path::toString).toList();
            Files.write(listFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Recent files are a convenience; a read-only home folder must not stop the app.
        }
    }
}
