package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataOption;
import org.netwright.runner.data.IdxData;
import org.netwright.runner.data.MissingPolicy;
import org.netwright.runner.data.TableOptions;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * The runner's messages that reach the desktop app (the data check, the Import Data window, the Insight window and the
 * checks run the CLI with {@code netwright.audience=app}) name the app's controls there and the CLI's flags at the
 * command line.
 */
class AppAudienceMessagesTest {
    @TempDir
    Path dir;

    /** {@code said} as the app's user reads it (the audience property set for the call, then put back). */
    private static <T> T inTheApp(Supplier<T> said) {
        String was = System.getProperty(DataOption.AUDIENCE_PROPERTY);
        System.setProperty(DataOption.AUDIENCE_PROPERTY, "app");
        try {
            return said.get();
        } finally {
            if (was == null) {
                System.clearProperty(DataOption.AUDIENCE_PROPERTY);
            } else {
                System.setProperty(DataOption.AUDIENCE_PROPERTY, was);
            }
        }
    }

    private static String refusal(Runnable r) {
        return assertThrows(DataFileException.class, r::run).getMessage();
    }

    @Test
    void aBadMissingPolicyOrTokenizerNamesTheImportWindowsListInTheApp() {
        String cli = refusal(() -> MissingPolicy.of("guess"));
        assertTrue(cli.startsWith("--missing takes drop, mean, mode or error; got 'guess'"), cli);
        String app = inTheApp(() -> refusal(() -> MissingPolicy.of("guess")));
        assertTrue(app.startsWith("Missing cells takes drop, mean, mode or error; got 'guess'"), app);
        assertFalse(app.contains("--"), app);

        DataRecipe bpe = new DataRecipe("text_classes", Map.of(TableOptions.TOKENIZER, "bpe"));
        cli = refusal(() -> TableOptions.of(bpe));
        assertTrue(cli.startsWith("--tokenizer takes word or char; got 'bpe'"), cli);
        app = inTheApp(() -> refusal(() -> TableOptions.of(bpe)));
        assertTrue(app.startsWith("Tokenizer takes word or char; got 'bpe'"), app);
        assertFalse(app.contains("--"), app);
    }

    @Test
    void aFolderOfSeveralIdxFilesAsksTheAppsUserToChooseTheFile() throws Exception {
        Files.write(dir.resolve("a-images-idx3-ubyte"), new byte[16]);
        Files.write(dir.resolve("b-images-idx3-ubyte"), new byte[16]);
        String cli = refusal(() -> IdxData.imagesFile(dir));
        assertTrue(cli.endsWith("name the one to train on with --data FILE."), cli);
        String app = inTheApp(() -> refusal(() -> IdxData.imagesFile(dir)));
        assertTrue(app.contains("holds several IDX image files") && app.endsWith("choose the one to train on with"
                + " Choose file… in File > Import Data…."), app);
        assertFalse(app.contains("--"), app);
    }

    @Test
    void checkingAProjectWithoutDataSendsTheAppsUserToImportData() throws Exception {
        Template alexnet = TemplateLibrary.find("alexnet").orElseThrow();
        Path project = dir.resolve("alexnet.nwproj");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.saveGraph(alexnet.graph(), "alexnet");
            store.saveSettings(alexnet.settings());
        }
        CliRunner cli = CliRunner.run("check-overfit", project.toString(), "--json");
        assertEquals(2, cli.status(), cli.err());
        assertTrue(cli.err().contains("--data PATH"), cli.err());
        CliRunner app = inTheApp(() -> CliRunner.run("check-overfit", project.toString(), "--json"));
        assertEquals(2, app.status(), app.err());
        assertTrue(app.err().contains("has no data of its own; choose your data with Choose file… or Choose folder…"
                + " in File > Import Data… first"), app.err());
        assertFalse(app.err().contains("--"), app.err());
    }

    @Test
    @Tag("training")
    void aRunWithoutATestPartSendsTheInsightWindowsUserToOptionsAndPredictAFile() {
        Path project = dir.resolve("moons.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--split", "0.8,0.2,0",
                "--save", project.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        CliRunner cli = CliRunner.run("evaluate", project.toString(), "--json");
        assertTrue(cli.err().contains("evaluate it on a file with --data PATH"), cli.err());
        CliRunner app = inTheApp(() -> CliRunner.run("evaluate", project.toString(), "--predictions", "--json"));
        assertEquals(2, app.status(), app.err());
        assertTrue(app.err().contains("kept no test part (its test split is 0); set a test fraction with the"
                + " Validation and Test fields of Options… (Loss and data) and train again, or look at a file under"
                + " Predict a file"), app.err());
        assertFalse(app.err().contains("--"), app.err());
        Path map = dir.resolve("map.png");
        CliRunner explain = inTheApp(() -> CliRunner.run("explain", project.toString(), "--sample", "0", "--method",
                "saliency", "--out", map.toString(), "--json"));
        assertEquals(2, explain.status(), explain.err());
        assertTrue(explain.err().contains("kept no test part; explain a file under Predict a file"), explain.err());
        assertFalse(explain.err().contains("--"), explain.err());
    }
}
