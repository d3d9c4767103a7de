package org.netwright.app.project;

import java.nio.file.Path;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;

/** Making project files from a template, and their names. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Creates {@code file} holding the template's graph and settings; refuses an existing file. */
    public static void createFromTemplate(Path file, Template template) {
        ProjectStore.create(file, store -> {
            store.saveGraph(template.graph(), "Created from template " + template.id());
            store.saveSettings(template.settings());
        }).close();
    }

    /** Adds {@code .nwproj} when a chosen file name lacks it. */
    public static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? file : file.resolveSibling(name + ProjectStore.EXTENSION);
    }
}
