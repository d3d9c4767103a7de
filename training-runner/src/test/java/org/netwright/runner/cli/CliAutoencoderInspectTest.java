package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect --what reconstructions|latent} on an autoencoder and a VAE trained by the CLI. */
@Tag("training")
class CliAutoencoderInspectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static JsonNode answer(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        return JSON.readTree(r.outLines().get(0));
    }

    @Test
    void anAutoencoderShowsInputsBesideOutputsAndItsThirtyTwoValueBottleneck() throws IOException {
        Path p = dir.resolve("ae.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "autoencoder", "--epochs", "1", "--data",
                "gen:segment_digits:samples=200,size=16", "--save", p.toString());
        assertEquals(0, t.status(), t.err());
        JsonNode r = answer("inspect", p.toString(), "--what", "reconstructions", "--count", "3", "--json");
        assertEquals("[1,16,16]", r.get("shape").toString());
        assertEquals(3, r.get("count").asInt());
        assertEquals(3 * 256, r.get("inputs").size());
        assertEquals(3 * 256, r.get("outputs").size());
        JsonNode z = answer("inspect", p.toString(), "--what", "latent", "--json");
        assertEquals(32, z.get("dims").asInt());
        assertTrue(z.get("points").size() > 0);
        assertEquals(2, z.get("points").get(0).size());
        if (z.has("classes")) {
            assertEquals(z.get("points").size(), z.get("classes").size());
        }
    }

    @Test
    void aVaePlacesItsSamplesByTheirMeanInTwoDimensions() throws IOException {
        Path p = dir.resolve("vae.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "vae", "--epochs", "2", "--save", p.toString());
        assertEquals(0, t.status(), t.err());
        JsonNode z = answer("inspect", p.toString(), "--what", "latent", "--json");
        assertEquals("mu", z.get("layer").asText());
        assertEquals(2, z.get("dims").asInt());
        CliRunner cnn = CliRunner.run("train", "--template", "regression-mlp", "--epochs", "1", "--save",
                dir.resolve("mlp.nwproj").toString());
        assertEquals(0, cnn.status(), cnn.err());
        CliRunner refused = CliRunner.run("inspect", dir.resolve("mlp.nwproj").toString(), "--what", "reconstructions");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("shaped like the input"), refused.err());
    }
}
