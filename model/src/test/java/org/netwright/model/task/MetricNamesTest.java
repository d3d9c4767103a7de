package org.netwright.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics named once, in words, for every task. */
class MetricNamesTest {
    @Test
    void eachRecipeSaysWhatItsRunsReport() {
        assertEquals("accuracy", MetricNames.reported(Task.PLAIN, List.of("accuracy")));
        assertEquals("MAE, RMSE, R²", MetricNames.reported(Task.PLAIN, List.of("mae", "rmse", "r2")));
        assertEquals("token accuracy, perplexity", MetricNames.reported(Task.PLAIN,
                List.of("token_accuracy", "perplexity")));
        assertEquals("losses only", MetricNames.reported(Task.PLAIN, List.of()));
        assertEquals("D loss, G loss and sample distance", MetricNames.reported(Task.GAN, List.of()));
        assertEquals("losses only (plus the loss parts reconstruction loss and KL)",
                MetricNames.reported(Task.VAE, List.of()));
    }
}
