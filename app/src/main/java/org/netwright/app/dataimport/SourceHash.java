package org.netwright.app.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.netwright.model.settings.DataRecipe;

/**
 * A data source's fingerprint, kept in the recipe's options so a moved or changed source is noticed when the project
 * opens: the SHA-256 of a file's bytes, or of a folder's file list with each file's size and modification time
 * (hashing every image of a large folder would make opening a project slow).
 */
public final class SourceHash {
    /** The recipe option that holds the hash. */
    public static final String OPTION = "source_hash";

    private SourceHash() {
    }

    /** The fingerprint of a file or folder, {@code sha256:HEX}; throws UncheckedIOException when it cannot be read. */
    public static String of(Path source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(source)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(source)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    String line = source.relativize(f).toString().replace('\\', '/') + "\t" + Files.size(f) + "\t"
                            + Files.getLastModifiedTime(f).toMillis() + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                try (InputStream in = Files.newInputStream(source)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The recipe with the current fingerprint of its {@code path} (unchanged when it names no readable path). */
    public static DataRecipe stamped(DataRecipe recipe, Path baseDir) {
        Optional<Path> source = source(recipe, baseDir);
        if (source.isEmpty() || !Files.exists(source.get())) {
            return recipe;
        }
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put(OPTION, of(source.get()));
        return new DataRecipe(recipe.kind(), options);
    }

    /** The recipe pointed at {@code moved} (its new place) with that source's fingerprint. */
    public static DataRecipe relinked(DataRecipe recipe, Path moved) {
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put("path", moved.toAbsolutePath().toString());
        return stamped(new DataRecipe(recipe.kind(), options), null);
    }

    /**
     * Why the recipe's source is not what was imported: gone from its path, or its content changed; empty when it
     * matches or the recipe keeps no fingerprint (data chosen before imports kept one, or a generator).
     */
    public static Optional<String> whyChanged(DataRecipe recipe, Path baseDir) {
        Object kept = recipe == null ? null : recipe.options().get(OPTION);
        Optional<Path> source = source(recipe, baseDir);
        if (kept == null || source.isEmpty()) {
            return Optional.empty();
        }
        Path path = source.get();
        if (!Files.exists(path)) {
            return Optional.of("The data source " + path + " is not there any more (moved or deleted); use Relink… to"
                    + " point at its new place.");
        }
        String now;
        try {
            now = of(path);
        } catch (UncheckedIOException e) {
            return Optional.of("The data source " + path + " cannot be read (" + e.getCause().getMessage() + ").");
        }
        if (!now.equals(kept.toString())) {
            return Optional.of("The data source " + path + " changed since it was imported (its content hash differs);"
                    + " a run trains on it as it is now. Use Relink… to accept it or pick another copy.");
        }
        return Optional.empty();
    }

    private static Optional<Path> source(DataRecipe recipe, Path baseDir) {
        Object p = recipe == null ? null : recipe.options().get("path");
        if (p == null) {
            return Optional.empty();
        }
        Path path = Path.of(p.toString());
        return Optional.of(path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path));
    }
}
