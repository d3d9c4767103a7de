package org.netwright.model.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.shape.Shape;

/**
 * A recipe's own options, kept in {@link Task#options()}: what each means (help text the task editor shows) and why a
 * value does not fit the network. A VAE has {@code kl_weight}; a GAN names its {@code generator} and
 * {@code discriminator} outputs and the discriminator's {@code real_input} layer.
 */
public final class RecipeOptions {
    public static final String KL_WEIGHT = "kl_weight";
    public static final String GENERATOR = "generator";
    public static final String DISCRIMINATOR = "discriminator";
    public static final String REAL_INPUT = "real_input";

    private RecipeOptions() {
    }

    /** The option keys a recipe has, in the order the task editor shows them. */
    public static List<String> keys(String recipe) {
        return switch (recipe) {
            case Task.VAE -> List.of(KL_WEIGHT);
            case Task.GAN -> List.of(GENERATOR, DISCRIMINATOR, REAL_INPUT);
            default -> List.of();
        };
    }

    /** The option's name in words, e.g. {@code KL weight}. */
    public static String label(String key) {
        return switch (key) {
            case KL_WEIGHT -> "KL weight";
            case GENERATOR -> "Generator output";
            case DISCRIMINATOR -> "Discriminator output";
            case REAL_INPUT -> "Real input";
            default -> key;
        };
    }

    /** One or two sentences saying what the option does. */
    public static String help(String key) {
        return switch (key) {
            case KL_WEIGHT -> "Multiplies the KL term that pulls each sampling layer's code towards the normal prior;"
                    + " 1 is the textbook ELBO, less gives sharper reconstructions and a looser prior, 0 drops the term.";
            case GENERATOR -> "The output layer that turns noise into a sample; its part of the canvas is trained to"
                    + " fool the discriminator.";
            case DISCRIMINATOR -> "The output layer that scores a sample (one number: real or fake); its part of the"
                    + " canvas is trained to tell the data from the generator's samples.";
            case REAL_INPUT -> "The discriminator's input layer that reads the real samples (and, in turn, the"
                    + " generator's); it takes the shape of the generator's output.";
            default -> "";
        };
    }

    /** Every reason the task's recipe options do not fit a network with these ends, one sentence each. */
    public static List<String> problems(Task task, NetworkEnds ends) {
        List<String> out = new ArrayList<>();
        if (task.recipe().equals(Task.VAE)) {
            klWeightProblem(task.options().getOrDefault(KL_WEIGHT, "1")).ifPresent(out::add);
        } else if (task.recipe().equals(Task.GAN)) {
            String g = task.options().get(GENERATOR);
            String d = task.options().get(DISCRIMINATOR);
            String real = task.options().get(REAL_INPUT);
            String outputs = String.join(", ", ends.outputs().stream().map(NetworkEnds.End::nodeId).toList());
            Optional<NetworkEnds.End> gen = g == null ? Optional.empty() : ends.output(g);
            Optional<NetworkEnds.End> dis = d == null ? Optional.empty() : ends.output(d);
            if (gen.isEmpty()) {
                out.add(g == null ? "The GAN names no generator output; choose one of " + outputs + "."
                        : "The GAN's generator '" + g + "' is not one of the network's outputs (" + outputs + ").");
            }
            if (dis.isEmpty()) {
                out.add(d == null ? "The GAN names no discriminator output; choose one of " + outputs + "."
                        : "The GAN's discriminator '" + d + "' is not one of the network's outputs (" + outputs + ").");
            } else if (g != null && g.equals(d)) {
                out.add("The GAN's generator and discriminator are both '" + g + "'; they must be two different outputs.");
            } else if (dis.get().shape() != null && dis.get().shape().size() != 1) {
                out.add("The GAN's discriminator '" + d + "' gives " + dis.get().shape().describe()
                        + "; it must give one score per sample.");
            }
            List<NetworkEnds.End> realInputs = ends.inputs().stream().filter(e -> e.nodeId().equals(real)).toList();
            if (realInputs.size() != 1 || !realCandidate(realInputs.get(0))) {
                out.add(real == null ? "The GAN names no real input layer for its discriminator."
                        : "The GAN's real input '" + real + "' is not an input layer that reads samples.");
            } else if (gen.isPresent() && gen.get().shape() != null
                    && !gen.get().shape().equals(realInputs.get(0).shape())) {
                out.add("The GAN's real input '" + real + "' takes " + describe(realInputs.get(0).shape())
                        + " but the generator '" + g + "' gives " + gen.get().shape().describe()
                        + "; they must have the same shape.");
            }
        }
        return out;
    }

    /** Why a typed KL weight is refused, or nothing when it is a number of at least 0. */
    public static Optional<String> klWeightProblem(String text) {
        String t = text == null ? "" : text.strip();
        try {
            double w = Double.parseDouble(t);
            if (w >= 0 && Double.isFinite(w)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Optional.of("The KL weight must be a number of at least 0 such as 1; got \"" + t + "\".");
    }

    /** Whether an input end may be a GAN discriminator's real input: one that reads samples, not noise or labels. */
    public static boolean realCandidate(NetworkEnds.End in) {
        return !in.type().equals("noise_input") && !in.type().equals("label_input")
                && !in.type().equals("graph_input");
    }

    private static String describe(Shape s) {
        return s == null ? "an unknown shape" : s.describe();
    }
}
