package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskProposal;
import org.netwright.templates.data.Samples;

public class ImageFolderDataTest {
    @TempDir
    Path dir;

    /**
     * Writes the 8×8 digits of the shared CSV as grey PNGs, {@code train/DIGIT/} for the first 1437 and
     * {@code test/DIGIT/} for the last 360 (or all in {@code DIGIT/} when {@code flat}); returns the folder.
     */
    public static Path writeDigits(Path root, boolean flat, int every) throws IOException {
        List<String> lines = Files.readAllLines(CliPaths.digits().resolve("digits.csv"));
        for (int r = 1; r < lines.size(); r += every) {
            String[] cells = lines.get(r).split(",");
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 64; p++) {
                int v = Math.round(Float.parseFloat(cells[p]) * 255 / 16);
                img.getRaster().setSample(p % 8, p / 8, 0, v);
            }
            String label = cells[64].trim();
            Path classDir = flat ? root.resolve(label) : root.resolve(r <= 1437 ? "train" : "test").resolve(label);
            Files.createDirectories(classDir);
            ImageIO.write(img, "png", classDir.resolve(String.format("%04d.png", r)).toFile());
        }
        return root;
    }

    static DataRecipe recipe(Path dir) {
        return DataRecipe.file(ImageFolderData.KIND, dir.toString());
    }

    @Test
    void digitsFolderWithTrainAndTestReadsItsTestPart() throws IOException {
        writeDigits(dir, false, 1);
        List<String> notices = new ArrayList<>();
        Samples.Split s = ImageFolderData.load(recipe(dir), dir, null, 0.1, 0.2, 1, notices::add);
        assertEquals(360, s.test().size());
        assertEquals(1437, s.train().size() + s.validation().size());
        assertEquals(Shape.of(1, 8, 8), s.train().require("image").field().shape());
        assertEquals(10, s.train().require("label").field().classes());
        float max = 0;
        for (float v : s.train().require("image").values()) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("1×8×8 (grey), 10 classes; 1437 for training and validation, 360 in"),
                notices.get(0));
        assertEquals("0,1,2,3,4,5,6,7,8,9",
                ImageFolderData.pinClasses(recipe(dir), dir).options().get(ImageFolderData.CLASSES));
    }

    @Test
    void corruptImagesAreSkippedAndOtherSizesResizedWithANotice() throws IOException {
        writeDigits(dir, true, 20);
        Files.write(dir.resolve("3").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        BufferedImage big = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(big, "jpg", dir.resolve("5").resolve("big.jpg").toFile());
        List<String> notices = new ArrayList<>();
        Samples all = ImageFolderData.loadAll(recipe(dir), dir, notices::add);
        assertEquals(Shape.of(3, 8, 8), all.require("image").field().shape(), "a colour image makes three channels");
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("1 images were resized to 8×8"), notices.get(0));
        assertTrue(notices.get(1).contains("skipped 1 image") && notices.get(1).contains("broken.png"), notices.get(1));
        DataRecipe grey = new DataRecipe(ImageFolderData.KIND, Map.of("path", dir.toString(), "grayscale", true,
                "image_size", "12x10"));
        Samples g = ImageFolderData.loadAll(grey, dir, n -> { });
        assertEquals(Shape.of(1, 12, 10), g.require("image").field().shape());
    }

    @Test
    void emptyFoldersAreRefused() throws IOException {
        var e = assertThrows(DataFileException.class, () -> ImageFolderData.loadAll(recipe(dir), dir, n -> { }));
        assertTrue(e.getMessage().contains("has no class folders"), e.getMessage());
        Files.createDirectories(dir.resolve("cat"));
        Files.createDirectories(dir.resolve("dog"));
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("cat/a.png").toFile());
        Files.writeString(dir.resolve("dog/notes.txt"), "no images here");
        e = assertThrows(DataFileException.class, () -> ImageFolderData.loadAll(recipe(dir), dir, n -> { }));
        assertTrue(e.getMessage().contains("dog") && e.getMessage().contains("holds no PNG or JPEG images"),
                e.getMessage());
    }

    @Test
    void aGanWhoseDiscriminatorTakesTheImagesIsProposed() throws IOException {
        writeDigits(dir, true, 50);
        Samples all = ImageFolderData.loadAll(recipe(dir), dir, n -> { });
        List<Node> nodes = List.of(
                new Node("noise", "noise_input", Map.of("latent", 16), 0, 0),
                new Node("g_dense", "dense", Map.of("units", 64), 1, 0),
                new Node("g_act", "sigmoid", Map.of(), 2, 0),
                new Node("g_shape", "reshape", Map.of("target", "1,8,8"), 3, 0),
                new Node("real", "image_input", Map.of("channels", 1, "height", 8, "width", 8), 0, 1),
                new Node("d_flat", "flatten", Map.of(), 1, 1),
                new Node("d_dense", "dense", Map.of("units", 32), 2, 1),
                new Node("d_act", "leaky_relu", Map.of("slope", 0.2), 3, 1),
                new Node("d_score", "dense", Map.of("units", 1), 4, 1));
        List<Edge> edges = List.of(Edge.of("noise", "out", "g_dense", "in"), Edge.of("g_dense", "out", "g_act", "in"),
                Edge.of("g_act", "out", "g_shape", "in"), Edge.of("real", "out", "d_flat", "in"),
                Edge.of("d_flat", "out", "d_dense", "in"), Edge.of("d_dense", "out", "d_act", "in"),
                Edge.of("d_act", "out", "d_score", "in"));
        Graph gan = Graph.of(nodes, edges);
        Task task = TaskProposal.propose(gan, NetworkEnds.of(gan), all.fields());
        assertEquals(Task.GAN, task.recipe());
        assertTrue(task.inputs().stream().anyMatch(b -> b.node().equals("real") && b.field().equals("image")),
                task.inputs().toString());
    }

    @Test
    void truncatedImagesAndFoldersNamedAsImagesAreSkippedAndListedTheRestImported() throws IOException {
        writeDigits(dir, true, 30);
        BufferedImage photo = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                photo.getRaster().setSample(x, y, 0, (x * 37 + y * 91) % 256);
            }
        }
        Path png = dir.resolve("4").resolve("cut.png");
        ImageIO.write(photo, "png", png.toFile());
        byte[] full = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(full, full.length / 2));
        Path jpg = dir.resolve("6").resolve("cut.jpg");
        ImageIO.write(photo, "jpg", jpg.toFile());
        full = Files.readAllBytes(jpg);
        Files.write(jpg, java.util.Arrays.copyOf(full, full.length * 2 / 3));
        Files.createDirectories(dir.resolve("7").resolve("album.png"));
        int before = ImageFolderData.loadAll(recipe(dir), dir, n -> { }).size();
        List<String> notices = new ArrayList<>();
        Samples all = ImageFolderData.loadAll(recipe(dir), dir, notices::add);
        assertEquals(before, all.size());
        String skipped = notices.get(notices.size() - 1);
        assertTrue(skipped.contains("skipped 3 images that could not be decoded") && skipped.contains("cut.png")
                && skipped.contains("cut.jpg") && skipped.contains("album.png (not a file)"), skipped);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), all.transform("label").labels());
        assertEquals("8x8", all.transform("image").options().get("image_size"));
    }

    @Test
    void pathsOfTheWrongKindAreRefusedWithWhatTheyAre() throws IOException {
        Path csvFolder = Files.createDirectories(dir.resolve("digits.csv"));
        var e = assertThrows(DataFileException.class, () -> ImageFolderData.loadAll(recipe(csvFolder), csvFolder,
                n -> { }));
        assertTrue(e.getMessage().contains("is a folder, though its name is a data file's"), e.getMessage());
        writeDigits(dir.resolve("set"), true, 40);
        Path file = Files.writeString(dir.resolve("test.txt"), "not a folder");
        e = assertThrows(DataFileException.class, () -> ImageFolderData.load(recipe(dir.resolve("set")),
                dir.resolve("set"), file, 0.1, 0.1, 1, n -> { }));
        assertTrue(e.getMessage().contains("test.txt is not a folder"), e.getMessage());
        Samples.Split s = ImageFolderData.load(recipe(dir.resolve("set")), dir.resolve("set"), dir.resolve("set"), 0.2,
                0.5, 1, n -> { });
        assertEquals(s.train().size() + s.validation().size(), s.test().size(), "a given test folder is the test part");
    }
}
