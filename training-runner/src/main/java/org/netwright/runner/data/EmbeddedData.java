package org.netwright.runner.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/**
 * A small data set kept inside the project, so a run still has its data when the original is moved or deleted.
 *
 * <p>What is kept is every file the source is made of: a folder's files, or a file with its companions (a graph's node
 * and graph tables beside its edge table, an IDX file's labels and {@code t10k-*} files), packed into one zip archive
 * with paths relative to the source's parent folder, keyed by the SHA-256 of those paths and bytes. The recipe names
 * the key in its option {@value #OPTION}. Sources up to {@link #LIMIT_BYTES} bytes can be kept. When the recipe's path
 * is gone, {@link #keptCopy} unpacks the archive once into a folder named by the key under the system's temporary
 * folder and points the recipe there.
 */
public final class EmbeddedData {
    /** The recipe option naming the content hash of the copy kept inside the project. */
    public static final String OPTION = "embedded";
    /** The largest source (all its files together) a project keeps a copy of: 20 MiB. */
    public static final long LIMIT_BYTES = 20L * 1024 * 1024;
    /** The limit in words, for the import dialog and messages. */
    public static final String LIMIT_WORDS = "20 MB";

    private EmbeddedData() {
    }

    /** A source packed for keeping: its key, the name it goes by (the source's own), the archive, and the files' sizes. */
    public record Packed(String hash, String name, byte[] bytes, int files, long size) {
    }

    /** The files a source is made of, by their path relative to the source's parent folder (sorted). */
    public static Map<String, Path> files(DataRecipe recipe, Path source) {
        Path parent = source.toAbsolutePath().getParent();
        Map<String, Path> out = new TreeMap<>();
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile).forEach(f -> out.put(relative(parent, f), f));
                }
            } else {
                out.put(relative(parent, source), source);
                for (Path c : companions(recipe, source)) {
                    out.put(relative(parent, c), c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String relative(Path parent, Path file) {
        return parent.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    /** Files read together with {@code file}: a graph's other tables, an IDX file's siblings. */
    private static List<Path> companions(DataRecipe recipe, Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (GraphData.isEdgeList(file) || GraphData.isGraphSetEdgeList(file)) {
            int at = lower.lastIndexOf("edges");
            for (String kind : new String[] {"nodes", "graphs"}) {
                if (at >= 0) {
                    Path other = file.resolveSibling(name.substring(0, at) + kind + name.substring(at + 5));
                    if (Files.isRegularFile(other)) {
                        out.add(other);
                    }
                }
            }
        } else if ("idx".equals(recipe.kind()) && file.getParent() != null) {
            try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
                siblings.filter(p -> !p.equals(file.toAbsolutePath()) && Files.isRegularFile(p)
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).contains("-idx")).forEach(out::add);
            }
        }
        return out;
    }

    /** The bytes of all the files a source is made of. */
    public static long size(DataRecipe recipe, Path source) {
        long total = 0;
        for (Path f : files(recipe, source).values()) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /**
     * Packs the source's files for keeping; refuses, naming the sizes, a source above {@link #LIMIT_BYTES}.
     *
     * @throws DataFileException when the source is too large
     */
    public static Packed pack(DataRecipe recipe, Path source) {
        Map<String, Path> files = files(recipe, source);
        long size = size(recipe, source);
        if (size > LIMIT_BYTES) {
            throw new DataFileException(source + " holds " + megabytes(size) + " in " + files.size() + " files; a"
                    + " project keeps copies of data up to " + LIMIT_WORDS + ".");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
                for (Map.Entry<String, Path> e : files.entrySet()) {
                    byte[] bytes = Files.readAllBytes(e.getValue());
                    sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(bytes);
                    ZipEntry entry = new ZipEntry(e.getKey());
                    // A fixed time: the same files always pack to the same bytes.
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            return new Packed("sha256:" + HexFormat.of().formatHex(sha.digest()), source.getFileName().toString(),
                    buffer.toByteArray(), files.size(), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A size in words: whole kilobytes below a megabyte ("5 kB"), else megabytes with one decimal ("3.2 MB"). */
    public static String megabytes(long bytes) {
        if (bytes < 1024L * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " kB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Unpacks a kept archive into {@code folder} (made when missing); entries that would land outside it are refused.
     *
     * @throws DataFileException when the archive names a path outside the folder or cannot be read
     */
    public static void unpack(byte[] archive, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            Files.createDirectories(root);
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new DataFileException("The data kept inside the project names the file '" + e.getName()
                            + "', which lies outside its folder; it is not unpacked.");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataFileException("The data kept inside the project cannot be unpacked: " + e.getMessage());
        }
    }

    /**
     * The recipe pointed at the copy kept inside the project when its own path is gone: the archive found by the
     * recipe's {@value #OPTION} key through {@code kept} is unpacked once (into a folder named by the key under the
     * system's temporary folder) and the recipe's path names the source there. Empty when the recipe keeps no copy,
     * its path still exists, or the project does not hold the copy.
     */
    public static Optional<DataRecipe> keptCopy(DataRecipe recipe, Path baseDir,
                                                Function<String, Optional<byte[]>> kept) {
        if (recipe == null || recipe.options().get(OPTION) == null || recipe.options().get("path") == null) {
            return Optional.empty();
        }
        Path path = Path.of(recipe.options().get("path").toString());
        Path original = path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path);
        if (Files.exists(original)) {
            return Optional.empty();
        }
        String hash = recipe.options().get(OPTION).toString();
        Optional<byte[]> bytes = kept.apply(hash);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Path folder = unpacked(hash, bytes.get());
        Map<String, Object> options = new LinkedHashMap<>(recipe.options());
        options.put("path", folder.resolve(original.getFileName().toString()).toString());
        return Optional.of(new DataRecipe(recipe.kind(), options));
    }

    /** The settings with their recipe pointed at the kept copy when the original is gone (see {@link #keptCopy}). */
    public static TrainingSettings withKeptCopy(TrainingSettings settings, Path baseDir,
                                                Function<String, Optional<byte[]>> kept) {
        return keptCopy(settings.data(), baseDir, kept).map(settings::withData).orElse(settings);
    }

    /** The folder the archive of {@code hash} is unpacked in, unpacked now unless an earlier call did. */
    private static Path unpacked(String hash, byte[] archive) {
        String key = hash.replace("sha256:", "");
        key = key.substring(0, Math.min(32, key.length())).replaceAll("[^0-9a-zA-Z]", "_");
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "netwright-embedded");
        Path folder = base.resolve(key);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        try {
            Files.createDirectories(base);
            // Unpacked beside and moved in whole, so a second process never reads a half-written copy.
            Path staging = Files.createTempDirectory(base, key + ".part");
            unpack(archive, staging);
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process unpacked the same archive first; its copy is the same bytes.
                deleteTree(staging);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, folder);
            }
            return folder;
        } catch (IOException e) {
            throw new DataFileException("The data kept inside the project cannot be unpacked into " + folder + ": "
                    + e.getMessage());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
