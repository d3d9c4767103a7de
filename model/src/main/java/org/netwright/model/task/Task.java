package org.netwright.model.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run trains the graph to do: the recipe (how a step learns), which field feeds each input layer,
 * which outputs go into which losses against which fields, and the metrics reported. Plain data, stored with
 * the run.
 *
 * @param recipe     {@link #PLAIN} (one summed loss, one optimizer), {@link #VAE} (plus the KL term of every
 *                   sampling layer) or {@link #GAN} (a generator and a discriminator trained in turn)
 * @param inputs     one binding per input layer
 * @param objectives the loss terms; for a GAN the generator's output against the discriminator's real field
 * @param metrics    metric names reported for validation and test, without prefixes (e.g. {@code accuracy})
 * @param options    recipe settings, e.g. a GAN's {@code generator} and {@code discriminator} layers
 */
public record Task(String recipe, List<InputBinding> inputs, List<Objective> objectives, List<String> metrics,
                   Map<String, String> options) {
    public static final String PLAIN = "plain";
    public static final String VAE = "vae";
    public static final String GAN = "gan";
    public static final List<String> RECIPES = List.of(PLAIN, VAE, GAN);

    public Task {
        Objects.requireNonNull(recipe, "recipe");
        inputs = List.copyOf(inputs);
        objectives = List.copyOf(objectives);
        metrics = List.copyOf(metrics);
        options = Map.copyOf(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /** The field bound to an input layer. */
    public Optional<String> fieldOf(String inputNode) {
        return inputs.stream().filter(b -> b.node().equals(inputNode)).map(InputBinding::field).findFirst();
    }

    /** The same task with every objective's loss replaced (the user's {@code --loss}). */
    public Task withLoss(String loss) {
        return new Task(recipe, inputs, objectives.stream()
                .map(o -> new Objective(o.output(), loss, o.target(), o.weight())).toList(), metrics, options);
    }

    public Task withMetrics(List<String> m) {
        return new Task(recipe, inputs, objectives, m, options);
    }

    public Task withInputs(List<InputBinding> i) {
        return new Task(recipe, i, objectives, metrics, options);
    }

    public Task withObjectives(List<Objective> o) {
        return new Task(recipe, inputs, o, metrics, options);
    }

    public Task withOption(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.put(key, value);
        return new Task(recipe, inputs, objectives, metrics, all);
    }
}
