package org.netwright.app.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the tour was offered already: a small file in the user's Netwright folder ({@code ~/.netwright/tour-seen}),
 * written the first time the tour shows, so it is offered once however it ends.
 */
public final class TourMemory {
    private final Path file;

    public TourMemory(Path netwrightFolder) {
        this.file = netwrightFolder.resolve("tour-seen");
    }

    public boolean seen() {
        return Files.exists(file);
    }

    /** Notes that the tour was offered; a folder that cannot be written means it may be offered again, nothing worse. */
    public void markSeen() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "The guided tour was offered on " + java.time.Instant.now() + ".\n");
        } catch (IOException e) {
            // Offering the tour again next time is the only consequence.
        }
    }
}
