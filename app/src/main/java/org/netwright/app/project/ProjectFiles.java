package org.netwright.app.project;

import java.nio.file.Path;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;

/** Making project files from a template, and their names. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Creates {@code file} holding the template's graph (laid out) and settings; refuses an existing file. */
    public static void createFromTemplate(Path file, Template template) {
        ProjectStore.create(file, store -> {
            store.saveGraph(TemplateLayouts.laidOut(template), "Created from template " + template.id());
            store.saveSettings(template.settings());
        }).close();
    }

    /**
     * A file name that keeps a template title's meaning: "Shapes: a small CNN" becomes "Shapes - a small CNN", where
     * dropping the colon made "Shapes a small CNN"; other characters no file system takes become spaces.
     */
    public static String fileName(String title) {
        String name = title.replaceAll("\\s*:\\s*", " - ").replaceAll("[/\\\\?*<>|\"]", " ").replaceAll("\\s+", " ").strip();
        return (name.isEmpty() ? "Untitled" : name) + ProjectStore.EXTENSION;
    }

    /** Adds {@code .nwproj} when a chosen file name lacks it. */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? file : file.resolveSibling(name + ProjectStore.EXTENSION);
    }
}
