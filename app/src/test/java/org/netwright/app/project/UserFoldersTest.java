package org.netwright.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    @TempDir
    Path home;

    @Test
    void linuxUsesTheXdgDocumentsFolderOfUserDirsFile() throws IOException {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"),
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        assertEquals(home.resolve("Dokumente/Netwright"), UserFolders.projects(home, Map.of(), "Linux"));
    }

    @Test
    void anXdgConfigHomeIsFollowed() throws IOException {
        Path config = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"/srv/docs\"\n");
        assertEquals(Path.of("/srv/docs/Netwright"),
                UserFolders.projects(home, Map.of("XDG_CONFIG_HOME", config.toString()), "Linux"));
    }

    @Test
    void documentsDirSetToHomeMeansNotSetAndAnExistingDocumentsFolderIsUsed() throws IOException {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/\"\n");
        assertEquals(home.resolve("Netwright"), UserFolders.projects(home, Map.of(), "Linux"));
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents/Netwright"), UserFolders.projects(home, Map.of(), "Linux"));
    }

    @Test
    void windowsAndMacUseDocumentsInTheHomeFolder() {
        assertEquals(home.resolve("Documents/Netwright"), UserFolders.projects(home, Map.of(), "Windows 11"));
        assertEquals(home.resolve("Documents/Netwright"), UserFolders.projects(home, Map.of(), "Mac OS X"));
    }

    @Test
    void aProjectsFolderOfAnEarlierVersionInTheHomeFolderIsKept() throws IOException {
        Files.createDirectories(home.resolve("Netwright"));
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Netwright"), UserFolders.projects(home, Map.of(), "Linux"));
    }
}
