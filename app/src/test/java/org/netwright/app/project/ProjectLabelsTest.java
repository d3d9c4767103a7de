package org.netwright.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectLabelsTest {
    private final Path drafts = Path.of("/home/ann/.netwright/unsaved");

    @Test
    void anUnsavedProjectIsNamedByWhatItWasStartedFromAndWhenNotByItsStampedFile() {
        assertEquals("New project, not saved yet (started 30 Nov 06:48)",
                ProjectLabels.inList(drafts.resolve("new-20261130-064845-184.nwproj"), drafts));
        assertEquals("Two moons: a small MLP, not saved yet (started 1 Dec 09:05)",
                ProjectLabels.name(drafts.resolve("two-moons-mlp-20261201-090500-001.nwproj"), drafts));
        assertEquals("Imported graph, not saved yet (started 30 Nov 23:59)",
                ProjectLabels.name(drafts.resolve("import-20261130-235900-000.nwproj"), drafts));
        assertEquals("my-moons, not saved yet (started 30 Nov 06:48)",
                ProjectLabels.name(drafts.resolve("my-moons-20261130-064845-184.nwproj"), drafts));
    }

    @Test
    void aSavedProjectKeepsItsFileNameAndInAListItsFolder() {
        Path saved = Path.of("/home/ann/Netwright/new-20261130-064845-184.nwproj");
        assertEquals("new-20261130-064845-184.nwproj", ProjectLabels.name(saved, drafts));
        assertEquals("Two moons sample.nwproj  \u2014  /home/ann/Netwright",
                ProjectLabels.inList(Path.of("/home/ann/Netwright/Two moons sample.nwproj"), drafts));
    }
}
