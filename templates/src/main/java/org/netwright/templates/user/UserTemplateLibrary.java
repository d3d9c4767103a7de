package org.netwright.templates.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;

/**
 * The user's templates: one JSON file each ({@link UserTemplateJson}) in one folder, usually
 * {@code ~/.netwright/templates}. Listing never changes a file: one that cannot be read is skipped and reported with
 * its reason. Saving writes a new file (never over another template) through a temporary file, so a crash leaves no
 * half-written template.
 */
public final class UserTemplateLibrary {
    /** Files larger than this are not read: no network a user saves comes near it. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** The longest name kept; longer ones are refused with the reason. */
    public static final int MAX_NAME = 80;
    private static final String SUFFIX = ".json";

    private final Path folder;

    public UserTemplateLibrary(Path folder) {
        this.folder = folder;
    }

    /** The library inside the user's Netwright folder ({@code ~/.netwright}): its {@code templates} folder. */
    public static UserTemplateLibrary in(Path netwrightFolder) {
        return new UserTemplateLibrary(netwrightFolder.resolve("templates"));
    }

    public Path folder() {
        return folder;
    }

    /** A file that was not listed, and why ("it is not valid JSON (line 3)"). */
    public record Skipped(Path file, String reason) {
        /** "broken.json is skipped: it is not valid JSON (line 3)." */
        public String sentence() {
            return file.getFileName() + " is skipped: " + reason + ".";
        }
    }

    /** The templates read (newest first) and the files skipped with their reasons. */
    public record Listing(List<UserTemplate> templates, List<Skipped> skipped) {
        public Listing {
            templates = List.copyOf(templates);
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads every {@code *.json} file of the folder; an absent folder is an empty library. */
    public Listing list() {
        List<UserTemplate> found = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(found, skipped);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            dir.forEach(files::add);
        } catch (IOException e) {
            skipped.add(new Skipped(folder, "the folder cannot be listed (" + e.getMessage() + ")"));
            return new Listing(found, skipped);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path file : files) {
            try {
                found.add(read(file));
            } catch (UserTemplateException e) {
                skipped.add(new Skipped(file, e.getMessage()));
            }
        }
        found.sort(Comparator.comparing(UserTemplate::saved).reversed().thenComparing(UserTemplate::name));
        return new Listing(found, skipped);
    }

    private UserTemplate read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserTemplateException("it is not a plain file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UserTemplateException("it is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return UserTemplateJson.read(Files.readString(file, StandardCharsets.UTF_8), idOf(file));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserTemplateException("it is not UTF-8 text");
        } catch (IOException e) {
            throw new UserTemplateException("it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The id of the template in {@code file}: {@link UserTemplate#ID_PREFIX} and the file's name without ".json". */
    static String idOf(Path file) {
        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.length() - SUFFIX.length());
        return UserTemplate.ID_PREFIX + stem;
    }

    /** Why {@code name} cannot name a new template of this library, or null when it can. */
    public String whyNot(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "Give the template a name.";
        }
        if (n.length() > MAX_NAME) {
            return "The name is " + n.length() + " characters long; keep it to " + MAX_NAME + ".";
        }
        if (slug(n).isEmpty()) {
            return "The name needs at least one letter or digit.";
        }
        for (UserTemplate t : list().templates()) {
            if (t.name().equalsIgnoreCase(n)) {
                return "You have a template named \"" + t.name() + "\" already; choose another name or remove that one.";
            }
        }
        return null;
    }

    /**
     * Saves the network and its settings as a new template and returns it.
     *
     * @throws UserTemplateException with the reason when the name is refused or the file cannot be written
     */
    public UserTemplate save(String name, String description, List<String> tags, Graph graph, TrainingSettings settings) {
        String why = whyNot(name);
        if (why != null) {
            throw new UserTemplateException(why);
        }
        String stem = slug(name.strip());
        Path file = folder.resolve(stem + SUFFIX);
        for (int i = 2; Files.exists(file); i++) {
            file = folder.resolve(stem + "-" + i + SUFFIX);
        }
        List<String> cleanTags = tags == null ? List.of()
                : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        UserTemplate t = new UserTemplate(idOf(file), name.strip(), description == null ? "" : description.strip(),
                cleanTags, Instant.now(), graph, settings);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".saving-", ".tmp");
            Files.writeString(temp, UserTemplateJson.write(t), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            temp = null;
        } catch (IOException e) {
            throw new UserTemplateException("The template could not be written to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A leftover ".tmp" is not listed (only *.json is); nothing the user had is touched.
                }
            }
        }
        return t;
    }

    /**
     * Removes the template {@code id} (its file) from the library.
     *
     * @throws UserTemplateException when it is not in the library or its file cannot be deleted
     */
    public void remove(String id) {
        if (!UserTemplate.isUser(id)) {
            throw new UserTemplateException(id + " is a built-in template; only your own can be removed.");
        }
        Path file = fileOf(id);
        if (!file.normalize().getParent().equals(folder.normalize())) {
            throw new UserTemplateException("There is no template " + id + " in " + folder + ".");
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw new UserTemplateException("There is no template " + id + " in " + folder + ".");
        } catch (IOException e) {
            throw new UserTemplateException("The template file " + file + " could not be deleted: " + e.getMessage(), e);
        }
    }

    /** The file that holds (or would hold) the user template {@code id} in this library's folder. */
    public Path fileOf(String id) {
        return folder.resolve(id.substring(UserTemplate.ID_PREFIX.length()) + SUFFIX);
    }

    /** "Tiny CNN: v2" -> "tiny-cnn-v2": lower-case letters and digits joined by single dashes. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
