package org.netwright.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** The first project's opening begun at launch: taken by the window for that file, let go (and closed) otherwise. */
class OpeningAheadTest {
    @TempDir
    Path dir;
    private final Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
    private Workspace workspace;
    private Workspace other;

    @AfterEach
    void closeThem() {
        if (workspace != null) {
            workspace.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private Path project(String name) throws IOException {
        Path file = dir.resolve(name);
        ProjectFiles.createFromTemplate(file, moons);
        return file;
    }

    private OpeningAhead counted(Path file, AtomicInteger opened) {
        return OpeningAhead.begin(file, () -> {
            opened.incrementAndGet();
            return ProjectSession.open(file, moons.settings(), Runnable::run);
        });
    }

    @Test
    void theWindowTakesTheOpeningBegunForItsFile() throws IOException {
        Path file = project("first.nwproj");
        AtomicInteger opened = new AtomicInteger();
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        workspace.adopt(counted(file, opened));

        // The opening ahead holds the file's editing lock, so a second opening would be refused: taking it is the
        // only way this succeeds.
        assertEquals(Optional.empty(), workspace.open(dir.resolve(".").resolve("first.nwproj")));
        assertEquals(file.toAbsolutePath().normalize(), workspace.session().file().toAbsolutePath().normalize());
        assertEquals(1, opened.get());
        assertEquals(moons.graph().nodes().keySet(), workspace.session().editor().graph().nodes().keySet());
    }

    @Test
    void anotherFileOpenedFirstLetsTheOpeningGoAndFreesItsFile() throws Exception {
        Path first = project("first.nwproj");
        Path second = project("second.nwproj");
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        OpeningAhead ahead = counted(first, new AtomicInteger());
        workspace.adopt(ahead);

        assertEquals(Optional.empty(), workspace.open(second));
        ahead.awaitEnd(java.time.Duration.ofSeconds(10));

        assertEquals(second.toAbsolutePath(), workspace.session().file().toAbsolutePath());
        other = new Workspace(RecentProjects.inHome(dir.resolve("other-home")), Runnable::run);
        assertEquals(Optional.empty(), other.open(first), "the unused opening closed its project");
    }

    @Test
    void closingTheWorkspaceBeforeTheWindowOpensAnythingFreesTheFile() throws Exception {
        Path first = project("first.nwproj");
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        OpeningAhead ahead = counted(first, new AtomicInteger());
        workspace.adopt(ahead);

        workspace.close();
        workspace = null;
        ahead.awaitEnd(java.time.Duration.ofSeconds(10));

        other = new Workspace(RecentProjects.inHome(dir.resolve("other-home")), Runnable::run);
        assertEquals(Optional.empty(), other.open(first));
    }

    @Test
    void aFileThatCannotOpenIsRefusedWithTheSameSentenceAsWhenOpenedThen() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.nwproj"), "this is not a database");
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        Optional<String> direct = workspace.open(junk);
        assertTrue(direct.isPresent());

        workspace.adopt(counted(junk, new AtomicInteger()));
        Optional<String> ahead = workspace.open(junk);

        assertEquals(direct, ahead);
        assertEquals(null, workspace.session());
    }
}
