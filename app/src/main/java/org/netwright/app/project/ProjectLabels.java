package org.netwright.app.project;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * How a project file is named to the user (Open Recent, "Opening …"): a saved project by its file name and folder; an
 * unsaved one by what it was started from and when ("New project, not saved yet (started 30 Nov 06:48)"), not by the
 * stamped file name the app gave it among the unsaved projects.
 */
public final class ProjectLabels {
    /** An unsaved project's file name: what it came from, then when ({@code new-20261130-064845-184.nwproj}). */
    private static final Pattern DRAFT = Pattern.compile("(.+)-(\\d{8}-\\d{6})-\\d{3}\\.nwproj");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private ProjectLabels() {
    }

    /** {@code file} in a list of files (Open Recent): a saved one with its folder; {@code drafts} holds the unsaved. */
    public static String inList(Path file, Path drafts) {
        return isDraft(file, drafts) ? name(file, drafts)
                : file.getFileName() + "  \u2014  " + file.toAbsolutePath().getParent();
    }

    /** {@code file}'s name in a sentence ("Opening …"): a saved one's file name, an unsaved one's origin and time. */
    public static String name(Path file, Path drafts) {
        Matcher m = DRAFT.matcher(file.getFileName().toString());
        if (!isDraft(file, drafts) || !m.matches()) {
            return file.getFileName().toString();
        }
        String started;
        try {
            started = " (started " + SHOWN.format(LocalDateTime.parse(m.group(2), STAMP)) + ")";
        } catch (DateTimeParseException e) {
            started = "";
        }
        return origin(m.group(1)) + ", not saved yet" + started;
    }

    private static boolean isDraft(Path file, Path drafts) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && parent.equals(drafts.toAbsolutePath())
                && DRAFT.matcher(file.getFileName().toString()).matches();
    }

    private static String origin(String prefix) {
        return switch (prefix) {
            case "new" -> Workspace.EMPTY_PROJECT_NAME;
            case "import" -> "Imported graph";
            default -> TemplateLibrary.find(prefix).map(Template::title).orElse(prefix);
        };
    }
}
