package org.netwright.runner.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * Kills (SIGKILL) a child that trains a project and saves graph edits into it, at a random moment, again and
 * again on the same file: after every kill the file passes SQLite's integrity check, every edit the child
 * acknowledged and every epoch it printed is in the file, and the killed run is marked interrupted on the
 * next open. {@code -Dnetwright.crash.kills=N} sets the number of kills (100 by default, about 4 s each).
 */
@Tag("slow")
class KillDuringWritesTest {
    private static final int KILLS = Integer.getInteger("netwright.crash.kills", 100);
    private static final Pattern EPOCH = Pattern.compile("^epoch (\\d+)/\\d+ .*");
    private static final Pattern EDIT = Pattern.compile("^edit (\\d+)$");

    @TempDir
    Path dir;

    @Test
    void everyPrintedEpochAndAcknowledgedEditSurvivesAKill() throws Exception {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Path file = dir.resolve("crash.nwproj");
        ProjectStore.create(file, s -> {
            s.saveGraph(t.graph(), "template");
            s.saveSettings(t.settings());
        }).close();
        Random random = new Random(Long.getLong("netwright.crash.seed", 10L));
        int epochsChecked = 0;
        int editsChecked = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Child child = runAndKill(file, kill, random);
            assertEquals(List.of("ok"), query(file, "PRAGMA integrity_check"), "kill " + kill);
            try (ProjectStore store = ProjectStore.open(file)) {
                List<RunRecord> runs = store.runs();
                assertEquals(kill, runs.size(), "kill " + kill + ": one run per child");
                RunRecord run = runs.get(kill - 1);
                assertEquals(ProjectStore.INTERRUPTED, run.status(), "kill " + kill + ": the killed run");
                Set<Integer> stored = new HashSet<>();
                for (MetricPoint m : store.metrics(run.id())) {
                    if (m.key().equals("lr")) {
                        stored.add(m.epoch());
                    }
                }
                for (int epoch : child.epochs) {
                    assertTrue(stored.contains(epoch), "kill " + kill + ": epoch " + epoch + " was printed but is not stored");
                }
                epochsChecked += child.epochs.size();
            }
            List<String> edits = query(file, "SELECT description FROM edits WHERE description LIKE 'crash " + kill + " edit %'");
            for (int k = 1; k <= child.lastEdit; k++) {
                assertTrue(edits.contains("crash " + kill + " edit " + k), "kill " + kill + ": edit " + k + " was acknowledged but is lost");
            }
            editsChecked += child.lastEdit;
        }
        System.out.println("crash test: " + KILLS + " kills, " + epochsChecked + " printed epochs and " + editsChecked
                + " acknowledged edits checked, integrity ok after every kill, 0 lost");
    }

    private record Child(List<Integer> epochs, int lastEdit) {
    }

    /** Starts the child, waits for its first epoch line, then kills it after a random number of further lines. */
    private Child runAndKill(Path file, int kill, Random random) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
                TrainAndEdit.class.getName(), file.toString(), String.valueOf(kill))
                .redirectError(stderr.toFile()).start();
        List<Integer> epochs = new ArrayList<>();
        int lastEdit = 0;
        int linesAfterFirstEpoch = -1;
        int killAfter = random.nextInt(60);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher e = EPOCH.matcher(line);
                Matcher ed = EDIT.matcher(line);
                if (e.matches()) {
                    epochs.add(Integer.parseInt(e.group(1)));
                } else if (ed.matches()) {
                    lastEdit = Integer.parseInt(ed.group(1));
                }
                if (!epochs.isEmpty()) {
                    linesAfterFirstEpoch++;
                }
                if (linesAfterFirstEpoch >= killAfter) {
                    break;
                }
            }
            // SIGKILL (no shutdown hooks, no close()) through the handle, which leaves our end of the pipe open:
            // lines the child wrote before it died still count as printed.
            child.toHandle().destroyForcibly();
            while ((line = out.readLine()) != null) {
                Matcher e = EPOCH.matcher(line);
                Matcher ed = EDIT.matcher(line);
                if (e.matches()) {
                    epochs.add(Integer.parseInt(e.group(1)));
                } else if (ed.matches()) {
                    lastEdit = Integer.parseInt(ed.group(1));
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(!epochs.isEmpty(), "kill " + kill + ": the child printed no epoch: " + Files.readString(stderr));
        return new Child(epochs, lastEdit);
    }

    private static List<String> query(Path file, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
