package org.netwright.app.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a user's projects live: a {@code Netwright} folder in their documents folder, found the way their desktop
 * finds it (on Linux the XDG user-dirs file, {@code XDG_DOCUMENTS_DIR}; elsewhere {@code Documents} in the home
 * folder). A {@code ~/Netwright} folder made by an earlier version is kept, so an upgrade never hides projects.
 */
public final class UserFolders {
    /** The folder name under the documents folder. */
    public static final String PROJECTS = "Netwright";

    private UserFolders() {
    }

    /** The projects folder for this user on this machine. */
    public static Path projects(Path home) {
        return projects(home, System.getenv(), System.getProperty("os.name", ""));
    }

    /** The projects folder for {@code home}, with the environment and OS name given (for tests). */
    static Path projects(Path home, Map<String, String> env, String osName) {
        Path earlier = home.resolve(PROJECTS);
        if (Files.isDirectory(earlier)) {
            return earlier;
        }
        return documents(home, env, osName).resolve(PROJECTS);
    }

    /** The user's documents folder: XDG on Linux and other Unix desktops, {@code ~/Documents} on Windows and macOS. */
    static Path documents(Path home, Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.startsWith("windows") && !os.startsWith("mac")) {
            Optional<Path> xdg = xdgDocuments(home, env);
            if (xdg.isPresent()) {
                return xdg.get();
            }
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) || !os.isEmpty() && !os.startsWith("linux") ? documents : home;
    }

    /**
     * {@code XDG_DOCUMENTS_DIR} from the environment or from {@code $XDG_CONFIG_HOME/user-dirs.dirs}
     * (lines like {@code XDG_DOCUMENTS_DIR="$HOME/Dokumente"}); a value equal to the home folder means "not set",
     * as the XDG specification says.
     */
    static Optional<Path> xdgDocuments(Path home, Map<String, String> env) {
        String value = env.get("XDG_DOCUMENTS_DIR");
        if (value == null) {
            String configHome = env.getOrDefault("XDG_CONFIG_HOME", "");
            Path config = configHome.isBlank() ? home.resolve(".config") : Path.of(configHome);
            Path file = config.resolve("user-dirs.dirs");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    String l = line.strip();
                    if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                        value = l.substring("XDG_DOCUMENTS_DIR=".length());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        value = value.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("$HOME")) {
            value = home + value.substring("$HOME".length());
        }
        if (value.isBlank() || !value.startsWith("/")) {
            return Optional.empty();
        }
        Path dir = Path.of(value).normalize();
        return dir.equals(home.normalize()) ? Optional.empty() : Optional.of(dir);
    }
}
