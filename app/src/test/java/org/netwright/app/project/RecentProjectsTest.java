package org.netwright.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() throws IOException {
        RecentProjects recent = RecentProjects.inHome(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.createFile(dir.resolve("p" + i + ".nwproj")));
            recent.add(files.get(i));
        }
        recent.add(files.get(5));

        List<Path> list = recent.list();
        assertEquals(RecentProjects.MAX, list.size());
        assertEquals(List.of(files.get(5), files.get(9), files.get(8), files.get(7), files.get(6), files.get(4),
                files.get(3), files.get(2)), list);
    }

    @Test
    void missingFilesAreDropped() throws IOException {
        RecentProjects recent = RecentProjects.inHome(dir);
        Path kept = Files.createFile(dir.resolve("kept.nwproj"));
        Path gone = Files.createFile(dir.resolve("gone.nwproj"));
        recent.add(kept);
        recent.add(gone);
        Files.delete(gone);

        assertEquals(List.of(kept), new RecentProjects(dir.resolve(".netwright/recent.txt")).list());
    }
}
