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
    void anotherFileOpenedFirstLetsTheOpeningGoAndFreesItsFile() throws IOException {
        Path first = project("first.nwproj");
        Path second = project("second.nwproj");
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        workspace.adopt(counted(first, new AtomicInteger()));

        assertEquals(Optional.empty(), workspace.open(second));

        assertEquals(second.toAbsolutePath(), workspace.session().file().toAbsolutePath());
        other = new Workspace(RecentProjects.inHome(dir.resolve("other-home")), Runnable::run);
        assertEquals(Optional.empty(), opensWithin(other, first, 10_000), "the unused opening closed its project");
    }

    @Test
    void closingTheWorkspaceBeforeTheWindowOpensAnythingFreesTheFile() throws IOException {
        Path first = project("first.nwproj");
        workspace = new Workspace(RecentProjects.inHome(dir), Runnable::run);
        workspace.adopt(counted(first, new AtomicInteger()));

        workspace.close();
        workspace = null;

        other = new Workspace(RecentProjects.inHome(dir.resolve("other-home")), Runnable::run);
        assertEquals(Optional.empty(), opensWithin(other, first, 10_000));
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

    /** Opens {@code file} in {@code w}, trying again while the lock of a closing session may still be held. */
    private static Optional<String> opensWithin(Workspace w, Path file, long millis) {
        long end = System.currentTimeMillis() + millis;
        Optional<String> refused = w.open(file);
        while (refused.isPresent() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            refused = w.open(file);
        }
        return refused;
    }
}
