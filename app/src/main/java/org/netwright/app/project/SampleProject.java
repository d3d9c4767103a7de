package org.netwright.app.project;

import java.nio.file.Files;
import java.nio.file.Path;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * The project a first start opens: {@code Two moons sample.nwproj} in the user's projects folder (see
 * {@link UserFolders}), made once from a template.
 */
public final class SampleProject {
    public static final String FILE_NAME = "Two moons sample.nwproj";

    private SampleProject() {
    }

    /** The sample's path in {@code dir}, created from the two-moons template when it does not exist yet. */
    public static Path ensure(Path dir) throws java.io.IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Template t = TemplateLibrary.find(TemplateLibrary.TWO_MOONS_MLP).orElseThrow();
            ProjectFiles.createFromTemplate(file, t);
        }
        return file;
    }
}
