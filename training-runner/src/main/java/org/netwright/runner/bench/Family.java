package org.netwright.runner.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A family of networks the benchmark times, with the template whose model and data it uses. {@code batch} replaces
 * the template's batch size where the template's epoch has a single step (node classification runs the whole graph
 * every step whatever the batch, so a smaller batch changes what the loss reads, not what the step computes).
 */
public enum Family {
    CNN("shapes-cnn", 0),
    LSTM("lstm-classifier", 0),
    TRANSFORMER("transformer-classifier", 0),
    GCN("gcn-node", 16),
    GAN("gan-2d", 0),
    VAE("vae", 0);

    private final String template;
    private final int batch;

    Family(String template, int batch) {
        this.template = template;
        this.batch = batch;
    }

    /** The template the family's model and data come from. */
    public String template() {
        return template;
    }

    /** The batch size to time with, 0 for the template's own. */
    int batchOverride() {
        return batch;
    }

    /** The family's name on the command line: {@code cnn}, {@code lstm}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The families a {@code --family} value names: one, or every one for {@code all}. */
    public static List<Family> parse(String value) {
        if ("all".equals(value)) {
            return List.of(values());
        }
        for (Family f : values()) {
            if (f.id().equals(value)) {
                return List.of(f);
            }
        }
        throw new IllegalArgumentException("Unknown family '" + value + "'; choose one of "
                + String.join(", ", Arrays.stream(values()).map(Family::id).toList()) + " or all.");
    }
}
