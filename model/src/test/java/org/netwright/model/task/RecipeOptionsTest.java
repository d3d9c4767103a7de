package org.netwright.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;

/** A recipe's own options: each has help text, and a value that does not fit the network is refused saying why. */
class RecipeOptionsTest {
    private final NetworkEnds gan = new NetworkEnds(
            List.of(new NetworkEnds.End("z", "noise_input", "out", Shape.of(8)),
                    new NetworkEnds.End("real", "vector_input", "out", Shape.of(2)),
                    new NetworkEnds.End("other", "vector_input", "out", Shape.of(3))),
            List.of(new NetworkEnds.End("gen", "dense", "out", Shape.of(2)),
                    new NetworkEnds.End("score", "dense", "out", Shape.of(1))));

    private static Task ganTask(String g, String d, String real) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put(RecipeOptions.GENERATOR, g);
        o.put(RecipeOptions.DISCRIMINATOR, d);
        o.put(RecipeOptions.REAL_INPUT, real);
        o.values().removeIf(java.util.Objects::isNull);
        return new Task(Task.GAN, List.of(), List.of(), List.of(), o);
    }

    @Test
    void eachRecipeListsItsOptionsWithHelp() {
        assertEquals(List.of("kl_weight"), RecipeOptions.keys(Task.VAE));
        assertEquals(List.of("generator", "discriminator", "real_input"), RecipeOptions.keys(Task.GAN));
        assertEquals(List.of(), RecipeOptions.keys(Task.PLAIN));
        for (String key : List.of("kl_weight", "generator", "discriminator", "real_input")) {
            assertFalse(RecipeOptions.help(key).isBlank(), key);
            assertFalse(RecipeOptions.label(key).equals(key), key);
        }
    }

    @Test
    void theKlWeightIsANumberOfAtLeastZero() {
        assertEquals(Optional.empty(), RecipeOptions.klWeightProblem("0.5"));
        assertEquals(Optional.empty(), RecipeOptions.klWeightProblem(" 0 "));
        assertEquals(Optional.of("The KL weight must be a number of at least 0 such as 1; got \"-1\"."),
                RecipeOptions.klWeightProblem("-1"));
        assertTrue(RecipeOptions.klWeightProblem("much").isPresent());
        assertTrue(RecipeOptions.klWeightProblem("NaN").isPresent());
        Task vae = new Task(Task.VAE, List.of(), List.of(), List.of(), Map.of("kl_weight", "x"));
        assertEquals(List.of("The KL weight must be a number of at least 0 such as 1; got \"x\"."),
                RecipeOptions.problems(vae, gan));
    }

    @Test
    void aGanThatFitsHasNoProblems() {
        assertEquals(List.of(), RecipeOptions.problems(ganTask("gen", "score", "real"), gan));
    }

    @Test
    void aGanWhosePartsDoNotFitIsRefusedWithTheReason() {
        assertEquals(List.of("The GAN's generator 'gone' is not one of the network's outputs (gen, score)."),
                RecipeOptions.problems(ganTask("gone", "score", "real"), gan));
        assertEquals(List.of("The GAN's discriminator 'gen' gives a vector of 2; it must give one score per sample.",
                        "The GAN's real input 'real' takes a vector of 2 but the generator 'score' gives a vector of 1;"
                                + " they must have the same shape."),
                RecipeOptions.problems(ganTask("score", "gen", "real"), gan));
        assertEquals(List.of("The GAN's generator and discriminator are both 'score'; they must be two different outputs.",
                        "The GAN's real input 'real' takes a vector of 2 but the generator 'score' gives a vector of 1;"
                                + " they must have the same shape."),
                RecipeOptions.problems(ganTask("score", "score", "real"), gan));
        assertEquals(List.of("The GAN's real input 'z' is not an input layer that reads samples."),
                RecipeOptions.problems(ganTask("gen", "score", "z"), gan));
        assertEquals(List.of("The GAN's real input 'other' takes a vector of 3 but the generator 'gen' gives a vector"
                + " of 2; they must have the same shape."), RecipeOptions.problems(ganTask("gen", "score", "other"), gan));
        assertEquals(List.of("The GAN names no discriminator output; choose one of gen, score."),
                RecipeOptions.problems(ganTask("gen", null, "real"), gan));
    }

    @Test
    void taskProblemsIncludeTheRecipeOptions() {
        List<String> problems = TaskProposal.problems(ganTask("gone", "score", "real"), gan, List.of());
        assertTrue(problems.contains("The GAN's generator 'gone' is not one of the network's outputs (gen, score)."),
                problems.toString());
    }
}
