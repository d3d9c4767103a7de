package org.netwright.app.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.netwright.model.store.ProjectFileException;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;

/** Making project files: from a template, or as a copy of another project. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Creates {@code file} holding the template's graph and settings; refuses an existing file. */
    public static void createFromTemplate(Path file, Template template) {
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(template.graph(), "Created from template " + template.id());
            store.saveSettings(template.settings());
        }
    }

    /**
     * Copies a closed project file (with its runs) to {@code target}, replacing it. The source must be
     * closed first: then SQLite has folded its write-ahead log into the file and one file is the project.
     */
    public static void copy(Path source, Path target) {
        if (source.toAbsolutePath().equals(target.toAbsolutePath())) {
            return;
        }
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ProjectFileException("Could not copy the project to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code .nwproj} when a chosen file name lacks it. */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? file : file.resolveSibling(name + ProjectStore.EXTENSION);
    }
}
