package org.netwright.model.task;

import java.util.List;

/**
 * The one naming of metrics in words, used wherever the app or the command line names them (the Data row's task, the
 * task editor, a run's results): "accuracy", "MAE", "R²", "sample distance".
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** A metric's name in words ({@code r2} -> "R²", {@code d_loss} -> "D loss"); an unknown key with spaces. */
    public static String name(String metric) {
        return switch (metric) {
            case "token_accuracy" -> "token accuracy";
            case "r2" -> "R²";
            case "mae" -> "MAE";
            case "rmse" -> "RMSE";
            case "kl" -> "KL";
            case "d_loss" -> "D loss";
            case "g_loss" -> "G loss";
            case "recon_loss" -> "reconstruction loss";
            case "swd" -> "sample distance";
            default -> metric.replace('_', ' ');
        };
    }

    /**
     * What a run of a task with this {@code recipe} and these {@code metrics} reports, in words: "accuracy", "MAE,
     * RMSE, R²", a GAN's "D loss, G loss and sample distance", a VAE's metrics with its loss parts, or "losses only".
     */
    public static String reported(String recipe, List<String> metrics) {
        if (Task.GAN.equals(recipe)) {
            return name("d_loss") + ", " + name("g_loss") + " and " + name("swd");
        }
        String words = metrics.isEmpty() ? "losses only"
                : String.join(", ", metrics.stream().map(MetricNames::name).toList());
        return Task.VAE.equals(recipe) ? words + " (plus the loss parts " + name("recon_loss") + " and " + name("kl")
                + ")" : words;
    }
}
