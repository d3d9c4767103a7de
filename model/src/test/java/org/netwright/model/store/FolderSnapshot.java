package org.netwright.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file of a folder with its bytes, to prove that a refused project file and its neighbours were left as they were. */
record FolderSnapshot(Map<String, byte[]> files) {
    static FolderSnapshot of(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FolderSnapshot(files);
    }

    /** Names added, removed or changed since {@code before}; empty when the folder is as it was. */
    String differencesFrom(FolderSnapshot before) {
        StringBuilder out = new StringBuilder();
        for (String name : files.keySet()) {
            if (!before.files.containsKey(name)) {
                out.append(" added ").append(name);
            } else if (!Arrays.equals(files.get(name), before.files.get(name))) {
                out.append(" changed ").append(name);
            }
        }
        for (String name : before.files.keySet()) {
            if (!files.containsKey(name)) {
                out.append(" removed ").append(name);
            }
        }
        return out.toString().trim();
    }
}
